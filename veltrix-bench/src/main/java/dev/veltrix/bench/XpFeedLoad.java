package dev.veltrix.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.progression.battlepass.BattlePass;
import dev.veltrix.progression.battlepass.Season;
import dev.veltrix.progression.battlepass.TierCurve;
import dev.veltrix.progression.battlepass.XpFeed;
import dev.veltrix.progression.hunts.Hunts;
import dev.veltrix.progression.rewards.GameDeliveries;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.lease.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The battle pass's XP feed under a steady stream of game events: a writer commits batches of game events to the
 * outbox at a fixed rate (as the event ingest does), the feed turns them into XP, and a monitor measures, for each
 * batch, the time from its commit until the feed's committed cursor passed it (its XP was in the database).
 *
 * <pre>java -cp veltrix-bench.jar dev.veltrix.bench.XpFeedLoad sqlite EVENTS_PER_SECOND SECONDS PLAYERS</pre>
 */
public final class XpFeedLoad {
    private static final int BATCH = 100;

    private record Written(long seq, long committedAt) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: XpFeedLoad sqlite|postgres EVENTS_PER_SECOND SECONDS PLAYERS  (e.g. sqlite 10000 30 10000)");
            System.exit(2);
        }
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int players = Integer.parseInt(args[3]);
        Database database = BenchDatabases.open(args[0], 16);
        database.migrate(List.of(Hunts.SCHEMA));
        Clock clock = Clock.systemUTC();
        LedgerService ledger = new LedgerService(new JooqLedgerStore(database, clock, new ObjectMapper()), LedgerSettings.DEFAULTS,
                LedgerObserver.NONE);
        ledger.createCurrency(new Currency("coins", "Coins", 0));
        BattlePass pass = new BattlePass(database, clock, ledger, new GameDeliveries() {
            @Override
            public void queue(org.jooq.DSLContext tx, String reference, UUID player, InGame what) {
                throw new UnsupportedOperationException("the bench season has no commands or items");
            }

            @Override
            public void sendPending(UUID player) {
            }
        });
        Instant now = Instant.now();
        pass.save(new Season("bench", "Bench", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), TierCurve.linear(1_000, 500, 100),
                List.of(), Map.of("mob.killed", new Season.XpSource(10, 5_000), "block.mined", new Season.XpSource(1, 0)), List.of(), false));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            ids.add(UUID.randomUUID());
        }
        XpFeed feed = new XpFeed(database, pass, new Leases(database, clock), "bench").start();
        database.afterCommit(feed::wake);
        ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Histogram writes = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Thread monitor = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long cursor = Outbox.cursor(database.dsl(), XpFeed.CONSUMER);
                long seen = System.nanoTime();
                for (Written w = written.peek(); w != null && w.seq() <= cursor; w = written.peek()) {
                    latency.recordValue(seen - written.poll().committedAt());
                }
                LockSupport.parkNanos(1_000_000);
            }
        });
        long batches = (long) rate * seconds / BATCH;
        long interval = TimeUnit.SECONDS.toNanos(1) * BATCH / rate;
        long start = System.nanoTime();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (long b = 0; b < batches; b++) {
            long due = start + b * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            List<EventEnvelope> events = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                UUID player = ids.get(random.nextInt(ids.size()));
                String type = random.nextBoolean() ? "game.mob.killed" : "game.block.mined";
                events.add(new EventEnvelope(UuidV7.next(), type, player.toString(), Instant.now(), "game",
                        "{\"server\":\"bench\",\"player\":\"" + player + "\",\"data\":{}}"));
            }
            long before = System.nanoTime();
            long seq = database.inTransaction(tx -> {
                Outbox.append(tx, events);
                return Outbox.lastSeq(tx);
            });
            long committed = System.nanoTime();
            writes.recordValue(committed - before);
            written.add(new Written(seq, committed));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!written.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        monitor.interrupt();
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("wrote %d game events in %.1f s (target %d/s); the feed had them all as XP after %.1f s%n", batches * BATCH, elapsed,
                rate, total);
        System.out.printf("commit to XP, per batch of %d: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms (%d batches)%n", BATCH,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                latency.getValueAtPercentile(99.9) / 1e6, latency.getMaxValue() / 1e6, latency.getTotalCount());
        // The writer's own commits: when they stall too, the database stalled, not the feed.
        System.out.printf("the writer's commits: p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", writes.getValueAtPercentile(50) / 1e6,
                writes.getValueAtPercentile(99) / 1e6, writes.getMaxValue() / 1e6);
        feed.close();
        ledger.close();
        database.close();
    }
}
