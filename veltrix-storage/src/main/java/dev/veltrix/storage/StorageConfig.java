package dev.veltrix.storage;

import java.util.Objects;

/**
 * Where the state lives.
 *
 * @param url          JDBC URL; {@code jdbc:sqlite:data/veltrix.db} is the embedded default
 * @param user         database user, empty for SQLite
 * @param password     database password, empty for SQLite
 * @param poolSizeMax  most connections the pool opens
 * @param sqliteSync   SQLite only: FULL syncs every commit to disk (survives power loss); NORMAL syncs
 *                     at checkpoints (survives any crash of the process, may lose the newest commits
 *                     on power loss) and commits several times faster
 */
public record StorageConfig(String url, String user, String password, int poolSizeMax, SqliteSync sqliteSync) {

    /** How hard SQLite pushes each commit to disk. */
    public enum SqliteSync {
        FULL, NORMAL,
        /** Never syncs: for scratch databases only (simulations), whose loss costs nothing. */
        OFF,
        /**
         * Never syncs and keeps no journal: for a database thrown away whenever anything fails (a restore drill), where
         * writing each page once instead of twice halves a bulk load. A failed transaction cannot be rolled back.
         */
        SCRATCH
    }

    public StorageConfig(String url, String user, String password, int poolSizeMax) {
        this(url, user, password, poolSizeMax, SqliteSync.FULL);
    }

    public static final int POOL_SIZE_LIMIT = 200;

    public StorageConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sqliteSync, "sqliteSync");
        SqlKind.ofUrl(url);
        if (poolSizeMax < 2 || poolSizeMax > POOL_SIZE_LIMIT) {
            throw new IllegalArgumentException("poolSizeMax must be 2.." + POOL_SIZE_LIMIT + ", got " + poolSizeMax);
        }
    }

    public static StorageConfig sqlite(String path) {
        return new StorageConfig("jdbc:sqlite:" + path, "", "", 8);
    }

    public SqlKind kind() {
        return SqlKind.ofUrl(url);
    }
}
