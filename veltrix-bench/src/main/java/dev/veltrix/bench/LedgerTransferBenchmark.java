package dev.veltrix.bench;

import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.sdk.TimeOrderedIds;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transfers per second through {@link LedgerService} (validation, group commit, SQL, outbox) with
 * 64 concurrent callers, each transfer under its own idempotency key, between 10,000 funded players. Keys are made
 * as the SDK makes them ({@code time-ordered}, UUIDv7) or as a client that knows no better might ({@code random},
 * UUIDv4): a random key costs a page of the key index of its own in every group commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 15)
public class LedgerTransferBenchmark extends LedgerBench {
    private static final int PLAYERS = 10_000;

    @Param({"time-ordered", "random"})
    public String keys;

    private final List<AccountId> players = new ArrayList<>();

    @Setup(Level.Trial)
    public void open() throws Exception {
        openLedger();
        fundPlayers(PLAYERS).forEach(p -> players.add(AccountId.player(p)));
        analyse();
    }

    @Benchmark
    public Object transfer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        AccountId from = players.get(random.nextInt(PLAYERS));
        AccountId to = players.get(random.nextInt(PLAYERS));
        if (from.equals(to)) {
            to = AccountId.SINK;
        }
        String key = keys.equals("random") ? UUID.randomUUID().toString() : TimeOrderedIds.key();
        return ledger.transfer(key,
                new TransferRequest(from, to, "coins", 1 + random.nextInt(100), null, null));
    }
}
