package dev.veltrix.server.stream;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.Wakeup;
import dev.veltrix.storage.outbox.Outbox;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes game servers' acknowledgements in batches: every server acks every chat message, so with 200
 * servers one message would cost 200 commits. Acks wait here at most {@link #FLUSH_MS} and go to the
 * database together, one transaction for all servers. A crash of Veltrix can lose the acks of that
 * last moment; those events are sent again, and the SDK skips what it already handled.
 */
final class StreamAcks implements AutoCloseable {
    static final long FLUSH_MS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(StreamAcks.class);

    private final Database database;
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private final Wakeup closing = new Wakeup();
    private final Thread thread;
    private volatile boolean running = true;

    StreamAcks(Database database) {
        this.database = database;
        this.thread = Thread.ofPlatform().name("veltrix-stream-acks").daemon().start(this::run);
    }

    /** Records that {@code consumer} has handled everything up to {@code cursor}. */
    void acknowledge(String consumer, long cursor) {
        waiting.merge(consumer, cursor, Math::max);
    }

    /** Where a reconnecting consumer resumes: its stored cursor, or a newer ack not yet written. */
    long cursor(String consumer) {
        return Math.max(Outbox.cursor(database.dsl(), consumer), waiting.getOrDefault(consumer, 0L));
    }

    private void run() {
        while (running) {
            closing.await(FLUSH_MS);
            flush();
        }
        flush();
    }

    private void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Long> batch = Map.copyOf(waiting);
        try {
            database.inTransaction(tx -> {
                batch.forEach((consumer, cursor) -> Outbox.saveCursor(tx, consumer, cursor));
                return null;
            });
            // Keep acks that moved on while this batch was written; they go with the next one.
            batch.forEach((consumer, cursor) -> waiting.remove(consumer, cursor));
        } catch (RuntimeException e) {
            LOG.warn("could not store {} stream acks; retrying in {} ms", batch.size(), FLUSH_MS, e);
        }
    }

    @Override
    public void close() {
        running = false;
        closing.wake();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
