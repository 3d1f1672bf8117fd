package dev.veltrix.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * An open-loop HTTP load generator: requests go out on a fixed schedule whatever the server's speed,
 * and each latency is measured from the moment the request was due, so a stalled server shows up in
 * the percentiles (no coordinated omission). Bounded by rate x seconds requests.
 *
 * <pre>java -cp veltrix-bench.jar dev.veltrix.bench.LoadGenerator URL KEY RATE SECONDS [transfers|orders]</pre>
 */
public final class LoadGenerator {
    private static final int IN_FLIGHT_MAX = 4_096;

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: LoadGenerator URL KEY RATE_PER_SECOND SECONDS [transfers|orders]"
                    + "  (e.g. http://127.0.0.1:8080 vx_... 5000 30 orders)");
            System.exit(2);
        }
        String url = args[0];
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        LoadScenario scenario = LoadScenario.named(args.length == 5 ? args[4] : "transfers");
        if (rate < 1 || rate > 100_000 || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("rate must be 1..100000 per second and seconds 1..600");
        }
        // HTTP/1.1 outright: the default HTTP/2 client offers an h2c upgrade on every new plain connection.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        scenario.setup(http, url, key);
        SplittableRandom random = new SplittableRandom(7);

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
            http.sendAsync(scenario.next(url, key, random), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies.recordValue(System.nanoTime() - due);
                        (error == null && response.statusCode() == scenario.okStatus() ? ok : failed).incrementAndGet();
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

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
