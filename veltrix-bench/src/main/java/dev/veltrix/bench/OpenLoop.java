package dev.veltrix.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends requests on a fixed schedule whatever the server's speed, and measures each latency from the
 * moment the request was due, so a stalled server shows in the percentiles (no coordinated omission).
 */
final class OpenLoop {
    static final int IN_FLIGHT_MAX = 4_096;

    private OpenLoop() {
    }

    /** What one open loop achieved. */
    record Result(String name, long ok, long failed, double seconds, int rate, Histogram latency) {
        void print() {
            System.out.printf("%-10s %8d ok %6d failed in %5.1f s (target %d/s, achieved %.0f/s)   latency ms: p50 %.2f  p90 %.2f"
                            + "  p99 %.2f  p99.9 %.2f  max %.2f%n", name, ok, failed, seconds, rate, ok / seconds,
                    ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)), ms(latency.getValueAtPercentile(99)),
                    ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
        }
    }

    /** Sends {@code rate x seconds} requests; a request counts as ok when its status passes {@code ok}. */
    static Result run(String name, HttpClient http, int rate, int seconds, Supplier<HttpRequest> next, IntPredicate ok)
            throws InterruptedException {
        Recorder latencies = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        long start = System.nanoTime();
        tick(rate, seconds, due -> {
            if (!inFlight.tryAcquire()) {
                failed.incrementAndGet(); // the client's bound, counted as a failure rather than hidden
                return;
            }
            http.sendAsync(next.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.recordValue(System.nanoTime() - due);
                (error == null && ok.test(response.statusCode()) ? succeeded : failed).incrementAndGet();
                inFlight.release();
            });
        });
        inFlight.acquire(IN_FLIGHT_MAX);
        return new Result(name, succeeded.get(), failed.get(), (System.nanoTime() - start) / 1e9, rate,
                latencies.getIntervalHistogram());
    }

    /** Calls {@code send} with each request's due time, {@code rate} times a second for {@code seconds}, on time. */
    static void tick(int rate, int seconds, java.util.function.LongConsumer send) {
        long total = (long) rate * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(due);
        }
    }

    /** A client for load: HTTP/1.1 outright (the default HTTP/2 client offers an h2c upgrade on every new plain connection). */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
