package dev.veltrix.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A consistent, read-only view of the whole database that never blocks writers: one read transaction on SQLite (in
 * WAL mode readers and the writer do not wait for each other), a repeatable-read transaction on PostgreSQL and
 * MariaDB. Everything read through it sees the same instant, so a backup's tables fit together and a check that scans
 * several tables on a serving network does not see half of a transfer.
 */
public final class Snapshot {
    private Snapshot() {
    }

    /** What runs in the snapshot. */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T read(Connection connection) throws X, SQLException;
    }

    /** Runs {@code work} in a snapshot on {@code connection}, which is left as it was found. */
    public static <T, X extends Exception> T read(Connection connection, SqlKind kind, Work<T, X> work) throws X, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        if (kind == SqlKind.SQLITE) {
            try (Statement begin = connection.createStatement()) {
                begin.execute("BEGIN DEFERRED"); // the pool's transactions are IMMEDIATE: they would take the write lock
            }
        } else {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try {
            return work.read(connection);
        } finally {
            if (kind == SqlKind.SQLITE) {
                try (Statement end = connection.createStatement()) {
                    end.execute("COMMIT");
                }
            } else {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Runs {@code work} in a snapshot on a connection of {@code database}'s pool. */
    public static <T, X extends Exception> T read(Database database, Work<T, X> work) throws X, SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            return read(connection, database.kind(), work);
        }
    }
}
