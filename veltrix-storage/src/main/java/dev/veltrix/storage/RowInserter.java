package dev.veltrix.storage;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Collects rows for one table and writes them as multi-row INSERTs, split so no statement passes
 * the bind-variable limits of the databases (SQLite 32,766; PostgreSQL and MariaDB 65,535).
 */
public final class RowInserter {
    private static final int BIND_VARIABLES_MAX = 30_000;

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
        int rowsPerStatement = Math.max(1, BIND_VARIABLES_MAX / fields.size());
        for (int start = 0; start < rows.size(); start += rowsPerStatement) {
            InsertValuesStepN<Record> insert = tx.insertInto(table, fields);
            for (Object[] row : rows.subList(start, Math.min(rows.size(), start + rowsPerStatement))) {
                insert = insert.values(row);
            }
            insert.execute();
        }
        rows.clear();
    }
}
