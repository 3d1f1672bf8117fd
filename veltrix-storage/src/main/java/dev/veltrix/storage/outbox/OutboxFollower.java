package dev.veltrix.storage.outbox;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.Wakeup;
import dev.veltrix.storage.lease.Leases;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the outbox in order on the one node holding a lease, handing batches to a handler that must save the
 * consumer's cursor itself (after publishing, or in the transaction of its own writes). On losing the lease, or on
 * a failure, it forgets its position and starts again from the saved cursor, so nothing is skipped.
 *
 * <p>A consumer that takes only some event types sees only those; the events it passes over cost it a seq each, and
 * the cursor past them is saved at most once a second (reading them again after a crash changes nothing), so a
 * capability that follows game events does not commit a transaction for every group of ledger transfers.
 *
 * <p>A handler whose work is outside the database (the relay publishes to the bus) may leave the cursor to the
 * follower, which saves it at most once per {@code cursorSaveMs} and when it falls idle: a crash republishes what
 * went out since, as a crash between publishing and saving always could, and under load the relay no longer takes
 * SQLite's write lock for each group of transfers.
 */
public final class OutboxFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxFollower.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(15);
    private static final long FAILURE_PAUSE_MS = 1_000;
    private static final long PASSED_OVER_SAVE_MS = 1_000;

    private final Database database;
    private final Leases leases;
    private final String lease;
    private final String consumer;
    private final String nodeId;
    private final int batchMax;
    private final long idlePollMs;
    private final Predicate<String> wanted;
    private final BatchHandler handler;
    private final long cursorSaveMs;
    private final Wakeup wakeups = new Wakeup();
    private final Thread thread;
    private volatile boolean running = true;

    /** Takes one batch; must save {@code lastSeq} as the consumer's cursor once the batch is done. */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(List<StoredEvent> batch, long lastSeq);
    }

    /** @param wanted the event types the handler takes; the others are passed over */
    public OutboxFollower(Database database, Leases leases, String lease, String consumer, String nodeId, int batchMax, long idlePollMs,
                          Predicate<String> wanted, BatchHandler handler) {
        this(database, leases, lease, consumer, nodeId, batchMax, idlePollMs, wanted, 0, handler);
    }

    /**
     * @param cursorSaveMs 0 when {@code handler} saves the cursor with each batch; otherwise the follower saves it,
     *                     at most this often, and {@code handler} must not
     */
    public OutboxFollower(Database database, Leases leases, String lease, String consumer, String nodeId, int batchMax, long idlePollMs,
                          Predicate<String> wanted, long cursorSaveMs, BatchHandler handler) {
        this.cursorSaveMs = cursorSaveMs;
        this.database = database;
        this.leases = leases;
        this.lease = lease;
        this.consumer = consumer;
        this.nodeId = nodeId;
        this.batchMax = batchMax;
        this.idlePollMs = idlePollMs;
        this.wanted = wanted;
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
        long saved = 0;
        long savedAtMs = 0;
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
                        saved = Outbox.cursor(database.dsl(), consumer);
                        tail = OutboxTail.after(saved);
                    }
                }
                long before = tail.position();
                List<StoredEvent> batch = tail.next(database.dsl(), batchMax, wanted);
                if (!batch.isEmpty()) {
                    handler.handle(batch, tail.position());
                    if (cursorSaveMs == 0) {
                        saved = tail.position();
                        savedAtMs = nowMs;
                        continue;
                    }
                }
                long saveEveryMs = cursorSaveMs == 0 ? PASSED_OVER_SAVE_MS : cursorSaveMs;
                if (tail.position() > saved && nowMs - savedAtMs >= saveEveryMs) {
                    saveCursor(tail.position());
                    saved = tail.position();
                    savedAtMs = nowMs;
                }
                if (tail.position() == before) {
                    pause(idlePollMs);
                }
            } catch (RuntimeException e) {
                LOG.error("{} on node {} failed; retrying in {} ms", lease, nodeId, FAILURE_PAUSE_MS, e);
                tail = null;
                pause(FAILURE_PAUSE_MS);
            }
        }
        if (tail != null && tail.position() > saved) {
            saveOnStop(tail.position());
        }
    }

    /** Losing this to a power failure only reads the events again, which a crash before it does anyway. */
    private void saveCursor(long reached) {
        database.inReplayableTransaction(tx -> {
            Outbox.saveCursor(tx, consumer, reached);
            return null;
        });
    }

    /** A follower stopped in good order leaves nothing to publish again. */
    private void saveOnStop(long reached) {
        Thread.interrupted(); // close() interrupted a pause; the pool refuses an interrupted thread
        try {
            saveCursor(reached);
        } catch (RuntimeException e) {
            LOG.warn("{} on node {} stopped without saving its cursor {}; it goes over those events again", lease, nodeId, reached, e);
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
