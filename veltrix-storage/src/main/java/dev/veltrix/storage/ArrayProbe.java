package dev.veltrix.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jooq.DSLContext;

/**
 * PostgreSQL: reads rows by many keys with the keys bound as arrays, one statement text whatever their number. The
 * caller's text unnests the arrays and probes the table in a LATERAL subquery that PostgreSQL cannot turn into a join
 * ({@code FOR UPDATE} or {@code OFFSET 0} in it), so each key is one primary-key probe. Given the keys as an
 * {@code IN} list, PostgreSQL chose by its statistics, and a table that grew since they were taken was scanned whole:
 * the ledger's idempotency keys took 23 ms a group commit where a probe per key takes 0.1 ms.
 */
public final class ArrayProbe {
    private ArrayProbe() {
    }

    /** Runs {@code sql} with {@code columns[i]} bound to its i-th placeholder as a {@code varchar[]}, handing every row to {@code reader}. */
    public static void forEach(DSLContext tx, String sql, String[][] columns, SelectIn.RowReader reader) {
        if (columns.length == 0 || columns[0].length == 0) {
            return;
        }
        tx.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.length; i++) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", columns[i]));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        });
    }
}
