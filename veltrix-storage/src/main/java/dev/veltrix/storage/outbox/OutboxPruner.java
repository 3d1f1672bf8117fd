package dev.veltrix.storage.outbox;

import static dev.veltrix.storage.outbox.Outbox.EVENTS;
import static dev.veltrix.storage.outbox.Outbox.OCCURRED_AT;
import static dev.veltrix.storage.outbox.Outbox.SEQ;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.lease.Leases;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the outbox bounded: deletes events that the relay has published and that are older than the
 * retention, in chunks small enough not to hold locks for long. Game servers resume their stream
 * from anywhere inside the retention; one offline for longer resumes at the oldest event kept.
 */
public final class OutboxPruner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPruner.class);
    private static final String LEASE = "outbox-prune";
    private static final int CHUNK_EVENTS = 5_000;
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Database database;
    private final Leases leases;
    private final Clock clock;
    private final Duration retention;
    private final String nodeId;
    private final Thread thread;

    public OutboxPruner(Database database, Leases leases, Clock clock, Duration retention, String nodeId) {
        this.database = database;
        this.leases = leases;
        this.clock = clock;
        this.retention = retention;
        this.nodeId = nodeId;
        this.thread = Thread.ofPlatform().name("veltrix-outbox-pruner").daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (leases.tryAcquire(LEASE, nodeId, INTERVAL.multipliedBy(2))) {
                    pruneOnce();
                }
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("outbox pruning on node {} failed; trying again in {}", nodeId, INTERVAL, e);
            }
        }
    }

    /** Deletes what may go; returns how many events were deleted. */
    public long pruneOnce() {
        long published = Outbox.cursor(database.dsl(), OutboxRelay.CONSUMER);
        long cutoffMs = clock.millis() - retention.toMillis();
        Long newestExpired = database.dsl().select(org.jooq.impl.DSL.max(SEQ)).from(EVENTS)
                .where(SEQ.le(published).and(OCCURRED_AT.lt(cutoffMs))).fetchOne(0, Long.class);
        if (newestExpired == null) {
            return 0;
        }
        Long oldest = database.dsl().select(org.jooq.impl.DSL.min(SEQ)).from(EVENTS).fetchOne(0, Long.class);
        long deleted = 0;
        for (long from = oldest == null ? newestExpired : oldest; from <= newestExpired; from += CHUNK_EVENTS) {
            long lower = from;
            long upper = Math.min(newestExpired, from + CHUNK_EVENTS - 1);
            deleted += database.inTransaction(tx -> tx.deleteFrom(EVENTS).where(SEQ.between(lower, upper)).execute());
        }
        if (deleted > 0) {
            LOG.info("pruned {} outbox events older than {}", deleted, retention);
        }
        return deleted;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
