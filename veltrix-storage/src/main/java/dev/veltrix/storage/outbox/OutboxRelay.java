package dev.veltrix.storage.outbox;

import dev.veltrix.core.event.EventBus;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.lease.Leases;
import java.util.List;

/**
 * Publishes committed outbox events to the event bus, on exactly one node (it holds a lease).
 *
 * <p>It publishes first and saves its cursor after (at most every 200 ms), so a crash in between republishes what
 * went out since rather than losing it; consumers drop the repeats by event id. Writers call {@link #wake()}
 * after commit so events go out at once instead of at the next poll.
 */
public final class OutboxRelay implements AutoCloseable {
    public static final String CONSUMER = "relay";
    private static final String LEASE = "outbox-relay";
    private static final int BATCH_MAX = 500;
    private static final long IDLE_POLL_MS = 250;
    // At 5,000 transfers/s a save per batch was a SQLite write transaction for every group commit.
    private static final long CURSOR_SAVE_MS = 200;

    private final OutboxFollower follower;

    public OutboxRelay(Database database, EventBus bus, Leases leases, String nodeId) {
        // The follower saves the cursor: losing it to a crash or power failure only republishes, as consumers expect.
        this.follower = new OutboxFollower(database, leases, LEASE, CONSUMER, nodeId, BATCH_MAX, IDLE_POLL_MS, type -> true,
                CURSOR_SAVE_MS, (batch, last) -> bus.publish(batch.stream().map(StoredEvent::event).toList()));
    }

    public void start() {
        follower.start();
    }

    /** Tells the relay new events were committed. Cheap; safe from any thread. */
    public void wake() {
        follower.wake();
    }

    @Override
    public void close() {
        follower.close();
    }
}
