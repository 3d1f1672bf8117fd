package dev.veltrix.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.sqlite.SQLiteConnection;

/**
 * The statements the storage layer writes itself, prepared once per SQLite connection and run again. SQLite compiles a
 * statement's text each time it is prepared and its JDBC driver keeps no cache: compiling a group commit's statements
 * (an {@code IN} list of a hundred keys, a fifty-row {@code VALUES} list) was an eighth of the ledger writer's time.
 * So that a few texts serve every group, SQLite's lists come in power-of-two lengths ({@link #chunks}). PostgreSQL's
 * driver keeps prepared statements itself and MariaDB's prepares on the client, so both get a new statement each
 * time, and lists as long as they are: each statement there is a round trip. The outbox's readers use it too: each
 * reads after every commit, and preparing its scan was a quarter of the relay's and the stream feed's time.
 */
public final class ReusedStatements {
    private static final int PER_CONNECTION_MAX = 128;
    // Keyed by the driver's own connection, which outlives the pool's wrapper of the moment; closed ones are dropped.
    private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION = new IdentityHashMap<>();

    /** Runs with a statement of {@code sql}: the statement belongs to this class and is not to be closed. */
    @FunctionalInterface
    public interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private ReusedStatements() {
    }

    /** Runs {@code work} with a statement of {@code sql} on {@code connection}, which the caller holds from the pool. */
    public static <T> T with(DSLContext dsl, Connection connection, String sql, Work<T> work) throws SQLException {
        if (dsl.dialect().family() != SQLDialect.SQLITE) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        }
        PreparedStatement statement = cached(connection.unwrap(SQLiteConnection.class), sql);
        try {
            return work.run(statement);
        } finally {
            // Whatever the work left behind, even after a failure, must not reach the statement's next user.
            statement.clearBatch();
            statement.clearParameters();
        }
    }

    /**
     * How to split {@code count} values into lists of at most {@code max}: on SQLite, descending powers of two (96 is
     * 64 and 32), so lists have one of a dozen lengths; elsewhere as few lists as may be.
     */
    static List<Integer> chunks(DSLContext dsl, int count, int max) {
        List<Integer> sizes = new ArrayList<>();
        boolean sqlite = dsl.dialect().family() == SQLDialect.SQLITE;
        int longest = sqlite ? Integer.highestOneBit(max) : max;
        for (int left = count; left > 0; ) {
            int size = sqlite ? Math.min(longest, Integer.highestOneBit(left)) : Math.min(longest, left);
            sizes.add(size);
            left -= size;
        }
        return sizes;
    }

    private static PreparedStatement cached(SQLiteConnection raw, String sql) throws SQLException {
        Map<String, PreparedStatement> statements;
        synchronized (BY_CONNECTION) {
            statements = BY_CONNECTION.get(raw);
            if (statements == null) {
                BY_CONNECTION.keySet().removeIf(ReusedStatements::isClosed);
                statements = new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                        if (size() <= PER_CONNECTION_MAX) {
                            return false;
                        }
                        closeQuietly(eldest.getValue());
                        return true;
                    }
                };
                BY_CONNECTION.put(raw, statements);
            }
        }
        // Only the thread holding the connection from the pool gets here with it, so its map needs no lock.
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = raw.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // Closing a statement SQLite already finalized with its connection: nothing left to free.
        }
    }
}
