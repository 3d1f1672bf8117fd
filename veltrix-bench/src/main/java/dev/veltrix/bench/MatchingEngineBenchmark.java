package dev.veltrix.bench;

import dev.veltrix.economy.exchange.FillSink;
import dev.veltrix.economy.exchange.MatchingEngine;
import dev.veltrix.economy.exchange.OrderSide;
import dev.veltrix.economy.exchange.OrderType;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Orders per second through one pair's in-memory matching engine, and the latency of each, on a
 * realistic flow: limit orders within ±20 ticks of a drifting mid price (so about a third cross
 * and trade), cancels of recently placed orders, and small market orders, drawn from a fixed seed.
 * The book is warmed to thousands of resting orders first and held near {@value #RESTING_TARGET}
 * resting orders (beyond it the next order is a market order that takes liquidity), so it measures a
 * steady book, not a growing heap. Every operation is real work: a cancel may find its order already
 * filled, as cancels do in a live market, but never more than a fifth of the flow is cancels.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class MatchingEngineBenchmark {
    private static final int RECENT = 4_096;
    private static final int RESTING_TARGET = 20_000;

    private MatchingEngine engine;
    private SplittableRandom random;
    private final long[] recent = new long[RECENT];
    private long seq;
    private long mid = 10_000;
    private Blackhole sinkHole;
    private final FillSink sink = (maker, price, quantity, done) -> sinkHole.consume(maker + price + quantity);

    @Setup(Level.Trial)
    public void warm(Blackhole blackhole) {
        sinkHole = blackhole;
        engine = new MatchingEngine();
        random = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            order();
        }
    }

    @Benchmark
    public void order() {
        int kind = random.nextInt(100);
        long id = ++seq;
        if (engine.restingCount() > RESTING_TARGET) {
            kind = 22; // a market order: takers eat into a book grown past its usual depth
        }
        if (kind < 20) {
            engine.cancel(recent[random.nextInt(RECENT)]);
            return;
        }
        OrderSide side = random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
        long quantity = 1 + random.nextInt(50);
        if (kind < 25) {
            engine.place(id, side, OrderType.MARKET, 0, quantity, quantity * (mid + 100), 1_000, sink);
            return;
        }
        mid += random.nextInt(3) - 1;
        // Buys sit mostly below the mid and sells above it; the overlap is what trades.
        long offset = random.nextInt(20) - 6;
        long price = side == OrderSide.BUY ? mid - offset : mid + offset;
        engine.place(id, side, OrderType.LIMIT, Math.max(1, price), quantity, 0, 1_000, sink);
        recent[(int) (id % RECENT)] = id;
    }
}
