package dev.veltrix.storage.outbox;

import dev.veltrix.core.event.EventBus;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.Wakeup;
import dev.veltrix.storage.lease.Leases;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox events to the event bus, on exactly one node (it holds a lease).
 *
 * <p>It publishes first and saves its cursor after, so a crash in between republishes a batch
 * rather than losing it; consumers drop the repeats by event id. Writers call {@link #wake()}
 * after commit so events go out at once instead of at the next poll.
 */
public final class OutboxRelay implements AutoCloseable {
    public static final String CONSUMER = "relay";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outbox-relay";
    private static final Duration LEASE_TTL = Duration.ofSeconds(15);
    private static final int BATCH_MAX = 500;
    private static final long IDLE_POLL_MS = 250;
    private static final long FAILURE_PAUSE_MS = 1_000;

    private final Database database;
    private final EventBus bus;
    private final Leases leases;
    private final String nodeId;
    private final Wakeup wakeups = new Wakeup();
    private final Thread thread;
    private volatile boolean running = true;

    public OutboxRelay(Database database, EventBus bus, Leases leases, String nodeId) {
        this.database = database;
        this.bus = bus;
        this.leases = leases;
        this.nodeId = nodeId;
        this.thread = Thread.ofPlatform().name("veltrix-outbox-relay").daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Tells the relay new events were committed. Cheap; safe from any thread. */
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
                    if (!leases.tryAcquire(LEASE, nodeId, LEASE_TTL)) {
                        tail = null; // another node relays; re-read the cursor if the lease comes back
                        pause(LEASE_TTL.toMillis() / 3);
                        continue;
                    }
                    leaseRenewedAtMs = nowMs;
                    if (tail == null) {
                        tail = OutboxTail.after(Outbox.cursor(database.dsl(), CONSUMER));
                    }
                }
                List<StoredEvent> batch = tail.next(database.dsl(), BATCH_MAX);
                if (batch.isEmpty()) {
                    pause(IDLE_POLL_MS);
                    continue;
                }
                bus.publish(batch.stream().map(StoredEvent::event).toList());
                long last = tail.position();
                database.inTransaction(tx -> {
                    Outbox.saveCursor(tx, CONSUMER, last);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.error("outbox relay on node {} failed; retrying in {} ms", nodeId, FAILURE_PAUSE_MS, e);
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
            leases.release(LEASE, nodeId);
        } catch (RuntimeException e) {
            LOG.warn("could not release the outbox relay lease of node {}; it expires in {}", nodeId, LEASE_TTL, e);
        }
    }
}
