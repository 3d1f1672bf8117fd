package dev.veltrix.storage;

import java.util.Objects;

/**
 * Where the state lives.
 *
 * @param url          JDBC URL; {@code jdbc:sqlite:data/veltrix.db} is the embedded default
 * @param user         database user, empty for SQLite
 * @param password     database password, empty for SQLite
 * @param poolSizeMax  most connections the pool opens
 */
public record StorageConfig(String url, String user, String password, int poolSizeMax) {
    public static final int POOL_SIZE_LIMIT = 200;

    public StorageConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
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
