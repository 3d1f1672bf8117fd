package dev.veltrix.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.concurrent.GroupCommitter;
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
 * The battle pass's XP feed under a steady stream of game events: batches of game events are committed to the outbox
 * at a fixed rate through a group committer (as the event ingest does), the feed turns them into XP, and a monitor
 * measures, for each batch, the time from its commit until the feed's committed cursor passed it (its XP was in the
 * database). Each batch's acknowledgement is measured too, from when it was due, as a game server would wait for it.
 *
 * <pre>java -cp veltrix-bench.jar dev.veltrix.bench.XpFeedLoad sqlite EVENTS_PER_SECOND SECONDS PLAYERS</pre>
 */
public final class XpFeedLoad {
    private static final int BATCH = 100;

    /** Seconds of the same load before measuring, so the figures are of a warmed-up JIT and page cache. */
    private static final int WARM_UP_SECONDS = 10;

    private record Written(long seq, long committedAt, boolean measured) {
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
        Histogram acknowledged = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Thread monitor = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long cursor = Outbox.cursor(database.dsl(), XpFeed.CONSUMER);
                long seen = System.nanoTime();
                for (Written w = written.peek(); w != null && w.seq() <= cursor; w = written.peek()) {
                    Written done = written.poll();
                    if (done.measured()) {
                        latency.recordValue(seen - done.committedAt());
                    }
                }
                LockSupport.parkNanos(1_000_000);
            }
        });
        long warmUpBatches = (long) rate * WARM_UP_SECONDS / BATCH;
        long batches = warmUpBatches + (long) rate * seconds / BATCH;
        long interval = TimeUnit.SECONDS.toNanos(1) * BATCH / rate;
        long begin = System.nanoTime();
        long start = begin + warmUpBatches * interval;
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        // Batches are taken in as the event ingest takes them: without waiting for earlier ones, and those that queue
        // while a commit runs are committed together.
        GroupCommitter<List<EventEnvelope>, Long> ingest = new GroupCommitter<>("bench events", 64, 4_096, group -> database.inTransaction(tx -> {
            List<Long> lastSeqs = new ArrayList<>(group.size());
            for (List<EventEnvelope> events : group) {
                Outbox.append(tx, events);
                lastSeqs.add(Outbox.lastSeq(tx));
            }
            return lastSeqs;
        }), (items, results, nanos) -> {
        });
        java.util.concurrent.CompletableFuture<Void> last = java.util.concurrent.CompletableFuture.completedFuture(null);
        for (long b = 0; b < batches; b++) {
            long due = begin + b * interval;
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
            boolean measured = b >= warmUpBatches;
            last = ingest.submit(events).thenAccept(seq -> {
                // On the committer's one thread, in commit order.
                long committed = System.nanoTime();
                if (measured) {
                    acknowledged.recordValue(committed - due);
                }
                written.add(new Written(seq, committed, measured));
            });
        }
        last.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!written.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        monitor.interrupt();
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("after %d s of warm-up, wrote %d game events in %.1f s (target %d/s); the feed had them all as XP after %.1f s%n",
                WARM_UP_SECONDS, (batches - warmUpBatches) * BATCH, elapsed,
                rate, total);
        System.out.printf("commit to XP, per batch of %d: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms (%d batches)%n", BATCH,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                latency.getValueAtPercentile(99.9) / 1e6, latency.getMaxValue() / 1e6, latency.getTotalCount());
        // What a game server sending the events waits for, from when each batch was due (queueing included).
        System.out.printf("event batches acknowledged: p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", acknowledged.getValueAtPercentile(50) / 1e6,
                acknowledged.getValueAtPercentile(99) / 1e6, acknowledged.getMaxValue() / 1e6);
        ingest.close();
        feed.close();
        ledger.close();
        database.close();
    }
}
