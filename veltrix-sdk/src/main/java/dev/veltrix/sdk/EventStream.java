package dev.veltrix.sdk;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The push stream from Veltrix: events arrive in order, each is handed to the listener once, and
 * is acknowledged after the listener returns. After a dropped connection or a restart of Veltrix
 * the stream reconnects by itself and resumes after the last acknowledged event, so nothing is lost.
 * Within one run of the game server nothing is handed over twice either; across a restart of the
 * game server an event whose ack was lost is delivered again, so use {@link StreamEvent#id()}
 * where handling twice would matter.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private static final long RECONNECT_MS_MAX = 30_000;
    private static final long ACK_DELAY_MS = 20;

    /** Receives events; throwing stops the ack, so the event comes again after a reconnect. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(StreamEvent event) throws Exception;
    }

    private final ClientConfig config;
    private final HttpClient http;
    private final Listener listener;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "veltrix-stream-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile long lastHandled = -1;
    private volatile CompletableFuture<Void> connected = new CompletableFuture<>();
    private int failures;

    EventStream(ClientConfig config, HttpClient http, Listener listener) {
        this.config = config;
        this.http = http;
        this.listener = listener;
    }

    void start() {
        connect();
    }

    /** Completes when the stream is connected and Veltrix has said hello. */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** The cursor of the last event the listener handled, or -1 before the first. */
    public long lastHandledCursor() {
        return lastHandled;
    }

    private void connect() {
        if (closed) {
            return;
        }
        URI uri = URI.create(config.baseUrl.toString().replaceFirst("^http", "ws") + "/api/v1/stream");
        http.newWebSocketBuilder().header("Authorization", "Bearer " + config.apiKey)
                .connectTimeout(config.requestTimeout)
                .buildAsync(uri, new Receiver())
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        scheduleReconnect("cannot connect: " + error.getMessage());
                    } else {
                        socket = ws;
                    }
                });
    }

    private void scheduleReconnect(String why) {
        if (closed) {
            return;
        }
        if (connected.isDone()) {
            connected = new CompletableFuture<>();
        }
        long delay = Math.min(RECONNECT_MS_MAX, config.retryBackoff.toMillis() << Math.min(failures++, 8));
        LOG.log(Level.INFO, "Veltrix stream {0}; reconnecting in {1} ms", new Object[] {why, delay});
        reconnects.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        // Acks coalesce: the first waits ACK_DELAY_MS and later cursors join it, and while one is on its way
        // the next waits; each ack covers everything before it, so a burst of events costs a few acks, not
        // one per event (with 200 servers on one network, every chat message would otherwise cost 200).
        private long ackWaiting = -1;
        private boolean ackSending;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(ws, text);
            }
            ws.request(1);
            return null;
        }

        @SuppressWarnings("unchecked")
        private void handle(WebSocket ws, String text) {
            if (closed) {
                // Frames still in flight after close(): neither handled nor acknowledged, so the next
                // connection gets them instead of this listener seeing them after it was told to stop.
                return;
            }
            Map<String, Object> frame;
            try {
                frame = JSON.std.mapFrom(text);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Veltrix sent a frame that is not JSON; ignoring it", e);
                return;
            }
            if ("hello".equals(frame.get("type"))) {
                failures = 0;
                connected.complete(null);
                return;
            }
            if (!"event".equals(frame.get("type"))) {
                return;
            }
            long cursor = ((Number) frame.get("cursor")).longValue();
            if (cursor > lastHandled) {
                Map<String, Object> e = (Map<String, Object>) frame.get("event");
                StreamEvent event = new StreamEvent(cursor, (String) e.get("id"), (String) e.get("type"), (String) e.get("key"),
                        Instant.parse((String) e.get("occurredAt")), (String) e.get("source"),
                        (Map<String, Object>) e.get("payload"));
                try {
                    listener.onEvent(event);
                } catch (Exception failure) {
                    LOG.log(Level.WARNING, "stream listener failed on event " + event.id() + "; it will be delivered again", failure);
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "listener failed");
                    return;
                }
                lastHandled = cursor;
            }
            acknowledge(ws, cursor);
        }

        private void acknowledge(WebSocket ws, long cursor) {
            synchronized (this) {
                ackWaiting = Math.max(ackWaiting, cursor);
                if (ackSending) {
                    return;
                }
                ackSending = true;
            }
            CompletableFuture.delayedExecutor(ACK_DELAY_MS, TimeUnit.MILLISECONDS).execute(() -> sendWaitingAck(ws));
        }

        private void sendWaitingAck(WebSocket ws) {
            long cursor;
            synchronized (this) {
                cursor = ackWaiting;
            }
            ws.sendText("{\"type\":\"ack\",\"cursor\":" + cursor + "}", true).whenComplete((sent, error) -> {
                synchronized (this) {
                    if (error != null || ackWaiting == cursor) {
                        ackSending = false; // a lost ack is made good by the next one, or by a resend after reconnect
                        return;
                    }
                }
                sendWaitingAck(ws);
            });
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            scheduleReconnect("closed (" + status + " " + reason + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            scheduleReconnect("failed: " + error.getMessage());
        }
    }

    /** Stops the stream; events not yet acknowledged come again on the next connection. */
    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        WebSocket ws = socket;
        if (ws != null) {
            // A server that is gone never answers the close handshake: abort the socket after a grace period.
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "closing")
                    .orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                    .whenComplete((sent, error) -> {
                        if (error != null) {
                            ws.abort();
                        }
                    });
        }
    }
}
