package dev.veltrix.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way into SQL: a HikariCP pool, a jOOQ context for the database's dialect, Flyway
 * migrations per capability, and transactions that retry the failures a database asks us to retry.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int TRANSACTION_ATTEMPTS_MAX = 8;
    private static final long BACKOFF_MS_MAX = 200;

    private final SqlKind kind;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final java.util.List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<TypedListener> typedCommitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    // SQLite has one writer at a time; writers that find the file locked sleep in SQLite's busy handler
    // (1, 2, 5, 10 ... 100 ms), which under load costs more than the writes. Queueing them here instead
    // hands the lock over at once. Readers outside transactions are not affected (WAL). The lock is fair: a
    // writer that commits in a loop (a feed catching up) cannot take it again and again while others wait.
    private final java.util.concurrent.locks.ReentrantLock sqliteWriter = new java.util.concurrent.locks.ReentrantLock(true);
    private final SqliteCheckpointer checkpointer;
    private final StorageConfig.SqliteSync sqliteSync;
    /** SQLite syncing every commit: pipelined transactions leave their sync to this thread. */
    private final WalSync walSync;

    private Database(SqlKind kind, HikariDataSource dataSource, StorageConfig.SqliteSync sqliteSync, Path walFileOf) {
        this.kind = kind;
        this.sqliteSync = sqliteSync;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, kind.dialect(), settings());
        this.checkpointer = walFileOf != null ? new SqliteCheckpointer(dataSource, sqliteWriter) : null;
        this.walSync = walFileOf != null && sqliteSync == StorageConfig.SqliteSync.FULL
                ? new WalSync(walFileOf, dataSource, this::wakeReadersOf) : null;
        if (walSync != null) {
            dsl.configuration().data(DURABLE_OUTBOX_SEQ, (java.util.function.LongSupplier) walSync::durableSeq);
        }
    }

    private static final String DURABLE_OUTBOX_SEQ = "veltrix.durable-outbox-seq";

    /**
     * The newest outbox seq that readers outside the database may see through {@code dsl}: on SQLite syncing every commit,
     * the newest one on disk (see {@link #inPipelinedTransaction}); elsewhere, every committed one.
     */
    public static long readableOutboxSeq(DSLContext dsl) {
        return dsl.configuration().data(DURABLE_OUTBOX_SEQ) instanceof java.util.function.LongSupplier durable
                ? durable.getAsLong() : Long.MAX_VALUE;
    }

    /** A jOOQ context on one connection, as {@link #dsl()} renders: to read inside a transaction the caller holds. */
    public static DSLContext dsl(java.sql.Connection connection, SqlKind kind) {
        return DSL.using(connection, kind.dialect(), settings());
    }

    private static Settings settings() {
        return new Settings().withExecuteLogging(false).withRenderSchema(false).withRenderCatalog(false);
    }

    /** Opens the pool. Fails fast with the driver's message when the database cannot be reached. */
    public static Database open(StorageConfig config) {
        SqlKind kind = config.kind();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        if (!config.user().isEmpty()) {
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
        }
        hikari.setPoolName("veltrix-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        hikari.setMaximumPoolSize(config.poolSizeMax());
        hikari.setConnectionTimeout(10_000);
        switch (kind) {
            case SQLITE -> configureSqlite(config, hikari);
            case POSTGRES -> hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            case MARIADB -> hikari.addDataSourceProperty("useBulkStmts", "true");
            case MYSQL -> hikari.addDataSourceProperty("permitMysqlScheme", "true");
        }
        try {
            return new Database(kind, new HikariDataSource(hikari), config.sqliteSync(),
                    kind == SqlKind.SQLITE && walFile(config) ? sqliteFile(config) : null);
        } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = String.valueOf(cause.getMessage()).replaceAll("\\.\\s*$", "");
            throw new DatabaseUnreachableException("cannot open the database " + withoutPassword(config.url()) + ": " + why
                    + "; check storage.url and that the database is running", e);
        }
    }

    /** Whether SQLite keeps a write-ahead log in a file, which a checkpointer must copy back. */
    private static boolean walFile(StorageConfig config) {
        return config.sqliteSync() != StorageConfig.SqliteSync.SCRATCH && !config.url().contains(":memory:")
                && !config.url().contains("mode=memory");
    }

    /** A URL fit for a message: a password given in it is not repeated. */
    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * SQLite is tuned for durability first: WAL so readers never block the writer, a full sync at
     * every commit by default so an acknowledged transfer survives power loss, and IMMEDIATE
     * transactions so two writers queue on the lock instead of failing mid-transaction on an
     * upgrade. A larger page cache keeps the ledger's hot pages (balances, index roots) in memory,
     * and the log is checkpointed on its own thread ({@link SqliteCheckpointer}) so no commit waits for it.
     */
    private static Path sqliteFile(StorageConfig config) {
        String file = config.url().substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        return Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath();
    }

    private static void configureSqlite(StorageConfig config, HikariConfig hikari) {
        Path path = sqliteFile(config);
        if (!config.url().contains(":memory:") && path.getParent() != null) {
            try {
                Files.createDirectories(path.getParent());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create the data directory " + path.getParent()
                        + ": " + e.getMessage() + "; set storage.url to a writable place", e);
            }
        }
        boolean scratch = config.sqliteSync() == StorageConfig.SqliteSync.SCRATCH;
        hikari.addDataSourceProperty("journal_mode", scratch ? "OFF" : "WAL");
        hikari.addDataSourceProperty("synchronous", scratch ? "OFF" : config.sqliteSync().name());
        hikari.addDataSourceProperty("cache_size", "-32768"); // KiB: 32 MiB per connection
        // The checkpointer thread copies the log back; SQLite's own mark is only its backstop.
        hikari.addDataSourceProperty("wal_autocheckpoint", String.valueOf(SqliteCheckpointer.BACKSTOP_PAGES));
        hikari.addDataSourceProperty("busy_timeout", "15000");
        hikari.addDataSourceProperty("foreign_keys", "true");
        hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }

    /** Brings every module's tables to its newest migration. Safe to run on every start. */
    public void migrate(List<SchemaModule> modules) {
        for (SchemaModule module : modules) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(module.location())
                    .table(module.historyTable())
                    .placeholders(kind.migrationPlaceholders())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("schema {} migrated to version {} ({} migrations)",
                        module.name(), result.targetSchemaVersion, result.migrationsExecuted);
            }
        }
    }

    public SqlKind kind() {
        return kind;
    }

    /** For reads outside a transaction and for building queries. */
    public DSLContext dsl() {
        return dsl;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code listener} after every transaction of {@link #inTransaction} commits, on the committing
     * thread, so readers of the outbox can wake at once instead of at their next poll. It must be cheap and
     * must not throw.
     */
    public void afterCommit(Runnable listener) {
        commitListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    private record TypedListener(java.util.function.Predicate<String> eventTypes, Runnable listener) {
    }

    /**
     * Like {@link #afterCommit}, but only after a transaction that appended an outbox event of a type
     * {@code eventTypes} accepts: for a reader that takes a few types, so other writes do not wake it (its poll still
     * finds anything written outside {@link #inTransaction}).
     */
    public void afterCommitOf(java.util.function.Predicate<String> eventTypes, Runnable listener) {
        typedCommitListeners.add(new TypedListener(java.util.Objects.requireNonNull(eventTypes, "eventTypes"),
                java.util.Objects.requireNonNull(listener, "listener")));
    }

    /** @param selfSynced whether the commit synced the log itself (a pipelined or replayable one did not) */
    private void committed(boolean selfSynced) {
        java.util.Set<String> types = WrittenEventTypes.current();
        if (walSync != null && !types.isEmpty()) {
            if (!WrittenEventTypes.outermost()) {
                return; // a nested transaction: what it appended is on disk only with the outer one
            }
            if (!selfSynced) {
                walSync.request(java.util.Set.copyOf(types)); // readable once on disk: the round wakes their readers
                return;
            }
            // This commit synced the log, and with it every commit before it.
            walSync.onDisk(WrittenEventTypes.lastSeq());
        }
        wakeReadersOf(types);
    }

    private void wakeReadersOf(java.util.Set<String> types) {
        commitListeners.forEach(Runnable::run);
        for (TypedListener typed : typedCommitListeners) {
            if (types.stream().anyMatch(typed.eventTypes())) {
                typed.listener().run();
            }
        }
    }

    /** Work that runs inside one transaction and returns a value. */
    @FunctionalInterface
    public interface TransactionalWork<T> {
        T run(DSLContext tx);
    }

    /**
     * Runs {@code work} in one transaction. On a deadlock, serialization failure or busy file the
     * whole transaction runs again (with jittered backoff), so {@code work} must not have effects
     * outside the database. Any other failure rolls back and is thrown.
     */
    public <T> T inTransaction(TransactionalWork<T> work) {
        return withRetries(work, false);
    }

    /**
     * Runs {@code work} like {@link #inTransaction}, for state that is rebuilt from what is already durable: a
     * consumer's tables written together with its cursor over the outbox. Its commit does not wait for the disk
     * (SQLite: no sync at commit; PostgreSQL: {@code synchronous_commit off}). A crash of the process loses nothing;
     * a power failure may take back the newest such commits, never one without those after it (the log is replayed
     * in order, and any later synced commit syncs everything before it), so the consumer's cursor goes back with its
     * state and it reads the same events again. MariaDB commits as it is configured to.
     */
    public <T> T inReplayableTransaction(TransactionalWork<T> work) {
        return withRetries(work, true);
    }

    /**
     * Runs {@code work} like {@link #inTransaction}, but on SQLite syncing every commit, the commit returns before the
     * disk has it, so the caller can go on to its next transaction while the disk works; {@link #synced} tells when it
     * has it. For a writer that acknowledges its callers only then (the ledger's group commit). Until then no outbox
     * reader sees its events. Elsewhere it is {@link #inTransaction}, and its commit is durable when it returns.
     */
    public <T> T inPipelinedTransaction(TransactionalWork<T> work) {
        return withRetries(work, walSync != null);
    }

    /** Completes once everything committed before this call is on disk: at once, unless pipelined transactions ran. */
    public java.util.concurrent.CompletableFuture<Void> synced() {
        return walSync == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : walSync.request(java.util.Set.of());
    }

    private <T> T withRetries(TransactionalWork<T> work, boolean replayable) {
        for (int attempt = 1; ; attempt++) {
            WrittenEventTypes.begin();
            try {
                T result = switch (kind) {
                    case SQLITE -> inSqliteTransaction(work, replayable);
                    case POSTGRES -> dsl.transactionResult(configuration -> {
                        if (replayable) {
                            configuration.dsl().execute("SET LOCAL synchronous_commit TO OFF");
                        }
                        return work.run(configuration.dsl());
                    });
                    default -> dsl.transactionResult(configuration -> work.run(configuration.dsl()));
                };
                committed(!replayable);
                return result;
            } catch (RuntimeException e) {
                if (attempt >= TRANSACTION_ATTEMPTS_MAX || !kind.isRetryable(e)) {
                    throw e;
                }
                long backoffMs = Math.min(BACKOFF_MS_MAX, (1L << attempt) + ThreadLocalRandom.current().nextLong(5));
                LOG.debug("transaction attempt {} failed with a retryable error, retrying in {} ms", attempt, backoffMs);
                sleep(backoffMs);
            } finally {
                WrittenEventTypes.end();
            }
        }
    }

    private <T> T inSqliteTransaction(TransactionalWork<T> work, boolean replayable) {
        sqliteWriter.lock();
        try {
            if (!replayable || sqliteSync != StorageConfig.SqliteSync.FULL) {
                return dsl.transactionResult(configuration -> {
                    T result = work.run(configuration.dsl());
                    if (walSync != null && !WrittenEventTypes.current().isEmpty()) {
                        // Its newest event, readable once this commit (which syncs the log) returns; one writer, so its own.
                        WrittenEventTypes.noteSeq(configuration.dsl().connectionResult(WalSync::newestOutboxSeq));
                    }
                    return result;
                });
            }
            // SQLite refuses to change the sync level inside a transaction: set it around one, on its connection.
            try (java.sql.Connection connection = dataSource.getConnection()) {
                setSynchronous(connection, StorageConfig.SqliteSync.NORMAL);
                try {
                    return dsl(connection, kind).transactionResult(configuration -> work.run(configuration.dsl()));
                } finally {
                    restoreFullSync(connection);
                }
            } catch (java.sql.SQLException e) {
                throw new org.jooq.exception.DataAccessException("cannot set the sync level of a SQLite connection", e);
            }
        } finally {
            sqliteWriter.unlock();
        }
    }

    /** A connection that cannot be set back to syncing every commit is closed, never handed out again. */
    private void restoreFullSync(java.sql.Connection connection) {
        try {
            setSynchronous(connection, StorageConfig.SqliteSync.FULL);
        } catch (java.sql.SQLException e) {
            LOG.warn("a SQLite connection could not be set back to synchronous=FULL and is closed: {}", e.getMessage());
            dataSource.evictConnection(connection);
        }
    }

    private static void setSynchronous(java.sql.Connection connection, StorageConfig.SqliteSync level) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = " + level.name());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", e);
        }
    }

    @Override
    public void close() {
        if (walSync != null) {
            walSync.close();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        dataSource.close();
    }
}
