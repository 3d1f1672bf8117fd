package dev.veltrix.ops.backup;

import dev.veltrix.storage.SqlKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables of the database a connection points at (its current schema), by name, Veltrix's own and Flyway's. */
final class Tables {
    private Tables() {
    }

    static List<String> of(Connection c, SqlKind kind) throws SQLException {
        String sql = switch (kind) {
            case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            case POSTGRES -> "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                    + "ORDER BY table_name";
            case MARIADB, MYSQL -> "SELECT table_name FROM information_schema.tables WHERE table_schema = database() AND table_type = 'BASE TABLE' "
                    + "ORDER BY table_name";
        };
        List<String> names = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    static boolean isSchemaHistory(String table) {
        return table.startsWith("veltrix_schema_");
    }

    /** The highest migration version a schema history table records. */
    static String version(Connection c, String historyTable) throws SQLException {
        String best = "0";
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM " + historyTable
                + " WHERE success = TRUE AND version IS NOT NULL")) {
            while (rs.next()) {
                if (compare(rs.getString(1), best) > 0) {
                    best = rs.getString(1);
                }
            }
        }
        return best;
    }

    /** Compares dotted migration versions numerically: 10 after 9. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
