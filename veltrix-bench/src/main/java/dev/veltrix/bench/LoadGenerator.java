package dev.veltrix.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * An open-loop HTTP load generator for transfers: requests go out on a fixed schedule whatever the
 * server's speed, and each latency is measured from the moment the request was due, so a stalled
 * server shows up in the percentiles (no coordinated omission). Bounded by rate x seconds requests.
 *
 * <pre>java -cp veltrix-bench.jar dev.veltrix.bench.LoadGenerator URL KEY RATE SECONDS</pre>
 */
public final class LoadGenerator {
    private static final int PLAYERS = 2_000;
    private static final int IN_FLIGHT_MAX = 4_096;

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LoadGenerator URL KEY RATE_PER_SECOND SECONDS  (e.g. http://127.0.0.1:8080 vx_... 5000 30)");
            System.exit(2);
        }
        String url = args[0];
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        if (rate < 1 || rate > 100_000 || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("rate must be 1..100000 per second and seconds 1..600");
        }
        // HTTP/1.1 outright: the default HTTP/2 client offers an h2c upgrade on every new plain connection.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> players = fund(http, url, key);

        Recorder latencies = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        long total = (long) rate * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                failed.incrementAndGet(); // the client's bound, counted as a failure rather than hidden
                continue;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String from = players.get(random.nextInt(PLAYERS));
            String to = players.get(random.nextInt(PLAYERS));
            String body = transfer(from, from.equals(to) ? "system:sink" : to, 1);
            http.sendAsync(post(url + "/api/v1/transfers", key, body), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies.recordValue(System.nanoTime() - due);
                        (error == null && response.statusCode() == 201 ? ok : failed).incrementAndGet();
                        inFlight.release();
                    });
        }
        inFlight.acquire(IN_FLIGHT_MAX);
        double elapsed = (System.nanoTime() - start) / 1e9;
        var histogram = latencies.getIntervalHistogram();
        System.out.printf("requests: %d ok, %d failed in %.1f s (target %d/s, achieved %.0f/s)%n",
                ok.get(), failed.get(), elapsed, rate, ok.get() / elapsed);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()));
        http.close();
    }

    private static List<String> fund(HttpClient http, String url, String key) throws Exception {
        send(http, post(url + "/api/v1/currencies", key, "{\"code\":\"coins\",\"name\":\"Coins\",\"decimals\":0}"), Set.of(201, 409));
        List<String> players = new ArrayList<>();
        for (int batch = 0; batch < PLAYERS / 100; batch++) {
            StringBuilder legs = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                players.add("player:" + UUID.randomUUID());
                legs.append(i == 0 ? "" : ",").append(transfer("system:issuance", players.getLast(), 1_000_000_000L));
            }
            send(http, post(url + "/api/v1/transfers/batch", key, "{\"transfers\":[" + legs + "]}"), Set.of(201));
        }
        return players;
    }

    private static void send(HttpClient http, HttpRequest request, Set<Integer> accepted) throws Exception {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!accepted.contains(response.statusCode())) {
            throw new IllegalStateException("setup failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpRequest post(String url, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String transfer(String from, String to, long amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"currency\":\"coins\",\"amount\":" + amount + "}";
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
