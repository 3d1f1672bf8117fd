package dev.veltrix.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.HdrHistogram.Recorder;

/**
 * The open loop of {@link OpenLoop} over plain HTTP/1.1 keep-alive connections, each request sent in one write.
 *
 * <p>The JDK client writes a request's headers and its body separately; under load its one selector thread delays the
 * body, and the server, already handling the request, waits for it, so the server is charged for the client's delay.
 * Here each request is one buffer, a fixed set of connections each carries one request at a time, and a request that
 * finds every connection busy waits in the queue with its clock already running (no coordinated omission).
 */
final class SingleWriteLoop {
    private static final long NO_MORE = -1;

    private record Due(long dueNanos, byte[] request) {
    }

    private SingleWriteLoop() {
    }

    /** Sends {@code rate x seconds} requests over {@code connections} connections to the server of {@code base}. */
    static OpenLoop.Result run(String name, URI base, int connections, int rate, int seconds, Supplier<HttpRequest> next,
                               IntPredicate ok) throws InterruptedException {
        Recorder latencies = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        BlockingQueue<Due> queue = new ArrayBlockingQueue<>(OpenLoop.IN_FLIGHT_MAX);
        InetSocketAddress server = new InetSocketAddress(base.getHost(), base.getPort());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(Thread.ofPlatform().name("load-connection-" + i).daemon().start(() -> {
                Connection connection = new Connection(server);
                for (Due due = take(queue); due.dueNanos() != NO_MORE; due = take(queue)) {
                    int status = connection.exchange(due.request());
                    latencies.recordValue(Math.max(0, System.nanoTime() - due.dueNanos()));
                    (status > 0 && ok.test(status) ? succeeded : failed).incrementAndGet();
                }
                connection.close();
            }));
        }
        long start = System.nanoTime();
        OpenLoop.tick(rate, seconds, due -> {
            if (!queue.offer(new Due(due, encode(next.get(), base)))) {
                failed.incrementAndGet(); // the client's bound, counted as a failure rather than hidden
            }
        });
        for (int i = 0; i < connections; i++) {
            queue.put(new Due(NO_MORE, null));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new OpenLoop.Result(name, succeeded.get(), failed.get(), (System.nanoTime() - start) / 1e9, rate,
                latencies.getIntervalHistogram());
    }

    private static Due take(BlockingQueue<Due> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            return new Due(NO_MORE, null);
        }
    }

    /** The request as one HTTP/1.1 message: request line, its headers, Host, Content-Length, body. */
    static byte[] encode(HttpRequest request, URI base) {
        byte[] body = bodyOf(request);
        URI uri = request.uri();
        StringBuilder head = new StringBuilder(256).append(request.method()).append(' ')
                .append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        request.headers().map().forEach((header, values) -> values.forEach(v -> head.append(header).append(": ").append(v).append("\r\n")));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] message = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, message, headBytes.length, body.length);
        return message;
    }

    private static byte[] bodyOf(HttpRequest request) {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElse(null);
        if (publisher == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.join();
        return out.toByteArray();
    }

    /** One keep-alive connection; reconnects when the server closes it or it fails. */
    private static final class Connection {
        private final InetSocketAddress server;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(InetSocketAddress server) {
            this.server = server;
        }

        /** Sends one request and reads its whole response; returns the status, or -1 when the exchange failed. */
        int exchange(byte[] request) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(server, 5_000);
                    socket.setSoTimeout(30_000);
                    in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                    out = socket.getOutputStream();
                }
                out.write(request);
                return readResponse();
            } catch (IOException e) {
                close();
                return -1;
            }
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (closing) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a connection that already failed
            }
            socket = null;
        }
    }
}
