package dev.veltrix.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Reads the rows whose key is one of many values, as fixed text with a placeholder per value over plain JDBC. A group
 * commit runs such reads with a hundred keys each; jOOQ renders each bound value through its visitor, which cost more
 * than the read. The text must be portable: unquoted lower-case names, as the schema's are.
 */
public final class SelectIn {
    private static final int VALUES_PER_READ = 1_000;

    /** Reads one row of the result. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private SelectIn() {
    }

    /** Runs {@code before + "(?, ..., ?)" + after} for each chunk of at most 1,000 values, handing every row to {@code reader}. */
    public static void forEach(DSLContext dsl, String before, List<String> values, String after, RowReader reader) {
        forEach(dsl, before, List.of(), values, after, reader);
    }

    /** As {@link #forEach(DSLContext, String, List, String, RowReader)}, with {@code leading} bound to the placeholders of {@code before}. */
    public static void forEach(DSLContext dsl, String before, List<?> leading, List<String> values, String after, RowReader reader) {
        if (values.isEmpty()) {
            return;
        }
        List<Integer> chunks = ReusedStatements.chunks(dsl, values.size(), VALUES_PER_READ);
        dsl.connection(connection -> {
            int start = 0;
            for (int size : chunks) {
                List<String> chunk = values.subList(start, start + size);
                start += size;
                String sql = before + "(" + "?,".repeat(chunk.size() - 1) + "?)" + after;
                ReusedStatements.with(dsl, connection, sql, statement -> {
                    for (int i = 0; i < leading.size(); i++) {
                        statement.setObject(i + 1, leading.get(i));
                    }
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(leading.size() + i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            reader.read(rows);
                        }
                    }
                    return null;
                });
            }
        });
    }
}
