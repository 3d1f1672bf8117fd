package dev.veltrix.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Collects rows for one table and writes them as multi-row INSERTs, split so no statement passes
 * the bind-variable limits of the databases (SQLite 32,766; PostgreSQL and MariaDB 65,535).
 *
 * <p>The statement text is put together here rather than rendered by jOOQ: jOOQ walks every bind value of a
 * 500-value INSERT through its renderer, which profiling showed to be a fifth of the CPU of a node under load.
 * Only the quoted table and column names come from jOOQ, once per table and dialect.
 */
public final class RowInserter {
    private static final int BIND_VARIABLES_MAX = 30_000;
    private static final Map<String, String> HEADERS = new ConcurrentHashMap<>();

    private final Table<Record> table;
    private final List<Field<?>> fields;
    private final List<Object[]> rows = new ArrayList<>();

    public RowInserter(Table<Record> table, List<Field<?>> fields) {
        this.table = table;
        this.fields = List.copyOf(fields);
    }

    public void add(Object... values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException("a row of " + table.getName() + " has " + fields.size()
                    + " values, got " + values.length);
        }
        rows.add(values);
    }

    public int size() {
        return rows.size();
    }

    /** Writes every collected row inside the caller's transaction and forgets them. */
    public void execute(DSLContext tx) {
        if (rows.isEmpty()) {
            return;
        }
        String header = header(tx);
        List<Integer> chunks = ReusedStatements.chunks(tx, rows.size(), Math.max(1, BIND_VARIABLES_MAX / fields.size()));
        tx.connection(connection -> {
            int start = 0;
            for (int size : chunks) {
                insert(tx, connection, header, rows.subList(start, start + size));
                start += size;
            }
        });
        rows.clear();
    }

    private void insert(DSLContext tx, Connection connection, String header, List<Object[]> chunk) throws SQLException {
        StringBuilder sql = new StringBuilder(header.length() + chunk.size() * (fields.size() * 2 + 3)).append(header);
        String tuple = "(" + "?,".repeat(fields.size() - 1) + "?)";
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ",").append(tuple);
        }
        ReusedStatements.with(tx, connection, sql.toString(), statement -> {
            int index = 1;
            for (Object[] row : chunk) {
                for (int column = 0; column < row.length; column++) {
                    Binds.bind(statement, index++, fields.get(column), row[column]);
                }
            }
            return statement.executeUpdate();
        });
    }

    /** {@code INSERT INTO "table" ("a", "b") VALUES }, quoted as the dialect quotes names. */
    private String header(DSLContext tx) {
        String key = tx.dialect() + "|" + table.getName() + "|" + fields.stream().map(Field::getName).toList();
        return HEADERS.computeIfAbsent(key, k -> "insert into " + tx.render(table) + " ("
                + String.join(", ", fields.stream().map(f -> tx.render(org.jooq.impl.DSL.name(f.getName()))).toList())
                + ") values ");
    }
}
