package dev.veltrix.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh, isolated databases of every supported kind for storage contract tests.
 *
 * <p>SQLite always runs. PostgreSQL and MariaDB run when {@code VELTRIX_TEST_POSTGRES_URL} and
 * {@code VELTRIX_TEST_MARIADB_URL} name a server (CI sets both); otherwise the test is skipped with
 * a message that says which variable to set. Each opened database is a new schema (PostgreSQL) or
 * database (MariaDB) that is dropped again on close.
 */
public final class TestDatabases {
    public static final String POSTGRES_ENV = "VELTRIX_TEST_POSTGRES_URL";
    public static final String MARIADB_ENV = "VELTRIX_TEST_MARIADB_URL";

    private TestDatabases() {
    }

    /** The kinds a contract test runs on, for {@code @MethodSource}. */
    public static List<SqlKind> kinds() {
        return List.of(SqlKind.SQLITE, SqlKind.POSTGRES, SqlKind.MARIADB);
    }

    /** Opens a fresh, migrated database of {@code kind}; skips the test if that server is not configured. */
    public static IsolatedDatabase open(SqlKind kind, List<SchemaModule> modules) {
        IsolatedDatabase isolated = switch (kind) {
            case SQLITE -> sqlite();
            case POSTGRES -> postgres();
            case MARIADB -> mariadb();
            case MYSQL -> throw new IllegalArgumentException("MySQL runs through the MariaDB URL in tests");
        };
        isolated.database().migrate(modules);
        return isolated;
    }

    private static IsolatedDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("veltrix-test-");
            Database db = Database.open(StorageConfig.sqlite(dir.resolve("veltrix.db").toString()));
            return new IsolatedDatabase(db, "jdbc:sqlite:" + dir.resolve("veltrix.db"), () -> deleteTree(dir));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a temporary SQLite directory", e);
        }
    }

    private static IsolatedDatabase postgres() {
        String base = serverUrl(POSTGRES_ENV, "PostgreSQL");
        String schema = uniqueName();
        execute(base, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Database db = Database.open(new StorageConfig(url, "", "", 80));
        return new IsolatedDatabase(db, url, () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static IsolatedDatabase mariadb() {
        String base = serverUrl(MARIADB_ENV, "MariaDB");
        String database = uniqueName();
        execute(base, "CREATE DATABASE " + database);
        int slash = base.indexOf('/', "jdbc:mariadb://".length());
        int query = base.indexOf('?');
        String url = base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query));
        Database db = Database.open(new StorageConfig(url, "", "", 80));
        return new IsolatedDatabase(db, url, () -> execute(base, "DROP DATABASE " + database));
    }

    private static String serverUrl(String variable, String product) {
        String url = System.getenv(variable);
        assumeTrue(url != null && !url.isBlank(),
                product + " tests skipped: set " + variable + " to a JDBC URL of a server this test may create "
                        + "schemas in (CI sets it; see .ci/run)");
        return url;
    }

    private static String uniqueName() {
        return "vt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed running " + sql + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }

    /** A database that removes itself on close; {@code url} opens it again (a second node of a cluster). */
    public record IsolatedDatabase(Database database, String url, Runnable dropper) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            dropper.run();
        }
    }
}
