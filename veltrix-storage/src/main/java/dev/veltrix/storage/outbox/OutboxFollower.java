package dev.veltrix.storage.outbox;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.Wakeup;
import dev.veltrix.storage.lease.Leases;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the outbox in order on the one node holding a lease, handing batches to a handler that must save the
 * consumer's cursor itself (after publishing, or in the transaction of its own writes). On losing the lease, or on
 * a failure, it forgets its position and starts again from the saved cursor, so nothing is skipped.
 */
public final class OutboxFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxFollower.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(15);
    private static final long FAILURE_PAUSE_MS = 1_000;

    private final Database database;
    private final Leases leases;
    private final String lease;
    private final String consumer;
    private final String nodeId;
    private final int batchMax;
    private final long idlePollMs;
    private final BatchHandler handler;
    private final Wakeup wakeups = new Wakeup();
    private final Thread thread;
    private volatile boolean running = true;

    /** Takes one batch; must save {@code lastSeq} as the consumer's cursor once the batch is done. */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(List<StoredEvent> batch, long lastSeq);
    }

    public OutboxFollower(Database database, Leases leases, String lease, String consumer, String nodeId, int batchMax, long idlePollMs,
                          BatchHandler handler) {
        this.database = database;
        this.leases = leases;
        this.lease = lease;
        this.consumer = consumer;
        this.nodeId = nodeId;
        this.batchMax = batchMax;
        this.idlePollMs = idlePollMs;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name("veltrix-" + lease).daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** New events were committed: look now rather than at the next poll. Cheap; safe from any thread. */
    public void wake() {
        wakeups.wake();
    }

    private void run() {
        OutboxTail tail = null;
        long leaseRenewedAtMs = 0;
        while (running) {
            try {
                long nowMs = System.nanoTime() / 1_000_000;
                if (tail == null || nowMs - leaseRenewedAtMs > LEASE_TTL.toMillis() / 3) {
                    if (!leases.tryAcquire(lease, nodeId, LEASE_TTL)) {
                        tail = null; // another node follows; re-read the cursor if the lease comes back
                        pause(LEASE_TTL.toMillis() / 3);
                        continue;
                    }
                    leaseRenewedAtMs = nowMs;
                    if (tail == null) {
                        tail = OutboxTail.after(Outbox.cursor(database.dsl(), consumer));
                    }
                }
                List<StoredEvent> batch = tail.next(database.dsl(), batchMax);
                if (batch.isEmpty()) {
                    pause(idlePollMs);
                    continue;
                }
                handler.handle(batch, tail.position());
            } catch (RuntimeException e) {
                LOG.error("{} on node {} failed; retrying in {} ms", lease, nodeId, FAILURE_PAUSE_MS, e);
                tail = null;
                pause(FAILURE_PAUSE_MS);
            }
        }
    }

    private void pause(long millis) {
        if (!wakeups.await(millis)) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            leases.release(lease, nodeId);
        } catch (RuntimeException e) {
            LOG.warn("could not release the {} lease of node {}; it expires in {}", lease, nodeId, LEASE_TTL, e);
        }
    }
}
