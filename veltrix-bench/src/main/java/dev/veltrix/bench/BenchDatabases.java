package dev.veltrix.bench;

import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.economy.market.sql.JooqMarketStore;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.StorageConfig;
import dev.veltrix.storage.StorageSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Fresh databases for a benchmark run: a temporary SQLite file, or a new PostgreSQL schema. Each run removes what the
 * runs before it left, so benchmarks run one at a time.
 */
final class BenchDatabases {
    static final String POSTGRES_ENV = "VELTRIX_BENCH_POSTGRES_URL";
    private static final String SQLITE_PREFIX = "veltrix-bench-";

    private BenchDatabases() {
    }

    static Database open(String kind, int poolSize) throws IOException, SQLException {
        Database database = switch (kind) {
            case "sqlite" -> {
                deleteEarlierRuns();
                yield Database.open(StorageConfig.sqlite(
                        Files.createTempDirectory(SQLITE_PREFIX).resolve("veltrix.db").toString()));
            }
            case "postgres" -> {
                String base = System.getenv(POSTGRES_ENV);
                if (base == null) {
                    throw new IllegalStateException("set " + POSTGRES_ENV + ", e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                }
                String schema = "bench_" + Long.toHexString(System.nanoTime());
                try (var c = DriverManager.getConnection(base); var s = c.createStatement()) {
                    dropEarlierRuns(c);
                    s.execute("CREATE SCHEMA " + schema);
                }
                yield Database.open(new StorageConfig(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                        "", "", poolSize));
            }
            default -> throw new IllegalArgumentException("kind must be sqlite or postgres, got " + kind);
        };
        database.migrate(List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, JooqMarketStore.SCHEMA));
        return database;
    }

    /**
     * Deletes the SQLite directories earlier runs left in the temporary directory (a trial's file stays for inspection
     * until the next run): each holds hundreds of megabytes, and two dozen runs filled 6 GB.
     */
    private static void deleteEarlierRuns() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var earlier = Files.newDirectoryStream(tmp, SQLITE_PREFIX + "*")) {
            for (Path dir : earlier) {
                try (var files = Files.walk(dir)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /**
     * Drops the schemas earlier runs left (a trial's tables stay for inspection until the next run), whose hundreds of
     * megabytes PostgreSQL's background work (autovacuum, checkpoints) would otherwise go through while this run measures,
     * on the same two cores and disk. Measured beside four such schemas: 36-52 ms per group commit; without them, 8-9 ms.
     */
    private static void dropEarlierRuns(java.sql.Connection c) throws SQLException {
        List<String> earlier = new java.util.ArrayList<>();
        try (var s = c.createStatement(); var rows = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_%'")) {
            while (rows.next()) {
                earlier.add(rows.getString(1));
            }
        }
        try (var s = c.createStatement()) {
            for (String schema : earlier) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
