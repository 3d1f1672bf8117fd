package dev.veltrix.storage.outbox;

import dev.veltrix.core.event.EventBus;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.lease.Leases;
import java.util.List;

/**
 * Publishes committed outbox events to the event bus, on exactly one node (it holds a lease).
 *
 * <p>It publishes first and saves its cursor after, so a crash in between republishes a batch
 * rather than losing it; consumers drop the repeats by event id. Writers call {@link #wake()}
 * after commit so events go out at once instead of at the next poll.
 */
public final class OutboxRelay implements AutoCloseable {
    public static final String CONSUMER = "relay";
    private static final String LEASE = "outbox-relay";
    private static final int BATCH_MAX = 500;
    private static final long IDLE_POLL_MS = 250;

    private final OutboxFollower follower;

    public OutboxRelay(Database database, EventBus bus, Leases leases, String nodeId) {
        this.follower = new OutboxFollower(database, leases, LEASE, CONSUMER, nodeId, BATCH_MAX, IDLE_POLL_MS, type -> true,
                (batch, last) -> relay(database, bus, batch, last));
    }

    private static void relay(Database database, EventBus bus, List<StoredEvent> batch, long last) {
        bus.publish(batch.stream().map(StoredEvent::event).toList());
        // Losing this cursor to a power failure only republishes the batch, which a crash before it does anyway.
        database.inReplayableTransaction(tx -> {
            Outbox.saveCursor(tx, CONSUMER, last);
            return null;
        });
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
