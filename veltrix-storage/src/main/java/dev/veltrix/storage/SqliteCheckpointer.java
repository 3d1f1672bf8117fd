package dev.veltrix.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on its own thread, so no writer pays for it.
 *
 * <p>Left to itself, SQLite checkpoints inside the commit that crosses its mark: that commit, and every writer queued
 * behind it, waits while thousands of pages are copied and the file is synced — the tail of every latency we measure.
 * Here a passive checkpoint copies the bulk while writers go on. It cannot finish alone under steady writes (new frames
 * arrive while it copies, so the log is never wholly copied and never starts over); so once what is left is small, the
 * writers' lock is taken for the short final pass, after which the next writer starts the log from its beginning.
 * SQLite's own mark stays as a backstop, set far above what this thread lets the log reach.
 */
final class SqliteCheckpointer implements AutoCloseable {
    /** SQLite's own checkpoint mark, in pages: reached only if this thread falls far behind. */
    static final int BACKSTOP_PAGES = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Frames written during an unlocked pass that are few enough to copy while the writers wait: about 1 ms. */
    private static final int LOCKED_FRAMES_MAX = 200;
    private static final int UNLOCKED_PASSES_MAX = 4;

    private final DataSource dataSource;
    private final Lock writers;
    private final Thread thread;
    private volatile boolean running = true;

    SqliteCheckpointer(DataSource dataSource, Lock writers) {
        this.dataSource = dataSource;
        this.writers = writers;
        this.thread = Thread.ofPlatform().name("sqlite-checkpointer").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(INTERVAL_NANOS);
            try {
                checkpoint();
            } catch (SQLException | RuntimeException e) {
                // The next round tries again; meanwhile SQLite's backstop mark bounds the log.
                LOG.warn("background checkpoint failed: {}", e.getMessage());
            }
        }
    }

    /**
     * One round: unlocked passes, each copying the log as it was when it began, until few frames arrived during the last
     * one; then those few with the writers held off, which leaves the log wholly copied so the next writer restarts it.
     */
    void checkpoint() throws SQLException {
        long frames;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            frames = passive(statement);
            for (int i = 1; i < UNLOCKED_PASSES_MAX && frames > 0; i++) {
                long now = passive(statement);
                long arrived = now - frames;
                frames = now;
                if (arrived <= LOCKED_FRAMES_MAX) {
                    break;
                }
            }
        }
        if (frames > 0 && running) {
            // The connection is taken after the lock: a writer holding the lock may need the pool's last connection.
            writers.lock();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                passive(statement);
            } finally {
                writers.unlock();
            }
        }
    }

    /** Copies back what the log holds now; returns how many frames that was (0: the log was restarted, nothing new). */
    private static long passive(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            result.next();
            return Math.max(0, result.getLong(2));
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
