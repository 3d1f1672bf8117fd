package dev.veltrix.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs SQLite's write-ahead log on its own thread, so a writer can commit its next transaction while the disk takes
 * the last one: the fastest ledgers overlap a batch's sync with the next batch's work in the same way. A transaction
 * committed without its own sync asks for a round ({@link #request}) and is acknowledged when that round has synced the
 * log. The log is written in order and read back in order after a power failure, so a round's sync makes every commit
 * before it durable, and one that is lost takes every later one with it: nothing acknowledged is ever lost.
 *
 * <p>Readers outside the database must not see what a power failure could still take back: an outbox event streamed to
 * a game server and then lost would let its seq be given to another event, which that server would then skip. So each
 * round notes the newest outbox seq before it syncs, and once synced, events up to that seq may be read
 * ({@link #durableSeq}). A commit that synced the log itself makes its events readable at once ({@link #onDisk}).
 */
final class WalSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalSync.class);
    /** A round even without a request: for events a write outside {@link Database#inTransaction} appended. */
    private static final long IDLE_ROUND_MS = 200;

    /** Puts the log on disk. */
    @FunctionalInterface
    interface LogSync {
        void sync(Path wal) throws IOException;
    }

    private final Path wal;
    private final LogSync logSync;
    private final DataSource dataSource;
    private final Consumer<Set<String>> synced;
    private final Object lock = new Object();
    private final Thread thread;
    private CompletableFuture<Void> next = new CompletableFuture<>();
    private Set<String> eventTypes = new HashSet<>();
    private boolean requested;
    private boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong durableSeq = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param synced told after each round of the event types committed before it, so readers waiting for them wake
     */
    WalSync(Path database, DataSource dataSource, Consumer<Set<String>> synced) {
        this(database, dataSource, synced, WalSync::fdatasync);
    }

    WalSync(Path database, DataSource dataSource, Consumer<Set<String>> synced, LogSync logSync) {
        this.wal = database.resolveSibling(database.getFileName() + "-wal");
        this.logSync = logSync;
        this.dataSource = dataSource;
        this.synced = synced;
        // What an earlier process committed and left unsynced goes to disk before anyone reads it.
        round(new CompletableFuture<>(), Set.of());
        this.thread = Thread.ofPlatform().name("sqlite-wal-sync").daemon().start(this::run);
    }

    /**
     * Asks for a round; the future completes when everything committed before this call is on disk.
     *
     * @param committedTypes the outbox event types the caller's commit appended, whose readers the round wakes
     */
    CompletableFuture<Void> request(Set<String> committedTypes) {
        synchronized (lock) {
            if (!running) {
                CompletableFuture<Void> closing = new CompletableFuture<>();
                round(closing, committedTypes); // after close: no thread left to do it
                return closing;
            }
            requested = true;
            eventTypes.addAll(committedTypes);
            lock.notifyAll();
            return next;
        }
    }

    /** Every outbox event with a seq up to this one is on disk, and may be read by anyone. */
    long durableSeq() {
        return durableSeq.get();
    }

    /** Outbox events up to {@code seq} are on disk: a commit that synced the log itself wrote them. */
    void onDisk(long seq) {
        durableSeq.accumulateAndGet(seq, Math::max);
    }

    private void run() {
        while (true) {
            CompletableFuture<Void> round;
            Set<String> types;
            synchronized (lock) {
                if (!requested && running) {
                    waitQuietly();
                }
                if (!requested && !running) {
                    return;
                }
                requested = false;
                round = next;
                types = eventTypes;
                next = new CompletableFuture<>();
                eventTypes = new HashSet<>();
            }
            round(round, types);
        }
    }

    private void round(CompletableFuture<Void> round, Set<String> types) {
        try {
            long before = durableSeq.get();
            // Read before the sync: every event this sees was written before it, so the sync covers it.
            long seq = newestOutboxSeq();
            logSync.sync(wal);
            onDisk(seq);
            round.complete(null);
            if (seq > before || !types.isEmpty()) {
                synced.accept(types); // an idle round that made nothing new readable wakes nobody
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("the SQLite log could not be synced to disk; the writes waiting for it are failed", e);
            round.completeExceptionally(new IllegalStateException("the write could not be synced to disk: " + e.getMessage(), e));
        }
    }

    private static void fdatasync(Path wal) throws IOException {
        try (FileChannel log = FileChannel.open(wal, StandardOpenOption.WRITE)) {
            log.force(false); // fdatasync: the log's pages, whichever connection wrote them
        } catch (NoSuchFileException e) {
            // SQLite removes the log only once it is copied into the database file and that file synced.
        }
    }

    private long newestOutboxSeq() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return newestOutboxSeq(connection);
        }
    }

    /** The newest outbox seq {@code connection} sees (inside a transaction: including the transaction's own), or 0. */
    static long newestOutboxSeq(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select max(seq) from outbox_events")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0; // before the first migration: no events yet
            }
            throw e;
        }
    }

    private void waitQuietly() {
        try {
            lock.wait(IDLE_ROUND_MS);
        } catch (InterruptedException e) {
            running = false;
        }
        if (!requested && running) {
            requested = true; // the idle round
        }
    }

    /** Runs a last round for what is still waiting, then stops. */
    @Override
    public void close() {
        synchronized (lock) {
            running = false;
            requested = true;
            lock.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
