package dev.veltrix.storage;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * One statement of fixed text run with many rows of values as a JDBC batch (prepared once, executed per row), for
 * the updates of a consumer's batch. Values must not be null. Same reason as {@link SelectIn}: no per-value rendering.
 */
public final class BatchUpdate {
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param sql portable text: unquoted lower-case names, one placeholder per value */
    public BatchUpdate(String sql) {
        this.sql = sql;
    }

    public void add(Object... values) {
        rows.add(values);
    }

    /** Runs every row inside the caller's transaction. */
    public void execute(DSLContext tx) {
        if (rows.isEmpty()) {
            return;
        }
        tx.connection(connection -> ReusedStatements.with(tx, connection, sql, statement -> {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        }));
        rows.clear();
    }
}
