package dev.veltrix.ops.backup;

import dev.veltrix.storage.SqlKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * Loads one table of an archive into the caller's transaction: rows read on another thread ({@link RowStream}),
 * inserted in batches, and the table's bytes and row count compared with the manifest as they pass, so a damaged table
 * fails the restore even where the archive was not checked beforehand.
 */
final class TableLoader {
    private TableLoader() {
    }

    static long load(Connection c, SqlKind kind, ZipFile zip, Manifest.Table t, Path archive) throws IOException, SQLException {
        String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", t.columns()) + ") VALUES ("
                + t.columns().stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        int[] types = types(c, t);
        MessageDigest sha = Restore.sha256();
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql); RowStream in = new RowStream(new DigestInputStream(
                new BufferedInputStream(zip.getInputStream(zip.getEntry(Restore.entryName(t.name()))), 1 << 16), sha), types.length)) {
            for (Object[][] batch = in.next(); batch != null; batch = in.next()) {
                for (Object[] values : batch) {
                    for (int i = 0; i < types.length; i++) {
                        Values.bind(ps, i + 1, values[i], types[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                rows += batch.length;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw damaged(archive, t, e.getOriginalMessage());
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        if (rows != t.rows() || !hash.equals(t.sha256())) {
            throw damaged(archive, t, rows + " rows, sha256 " + hash + "; the manifest says " + t.rows() + " rows, " + t.sha256());
        }
        if (kind == SqlKind.POSTGRES) {
            resetIdentities(c, t.name());
        }
        return rows;
    }

    private static dev.veltrix.core.error.RejectedException damaged(Path archive, Manifest.Table t, String what) {
        return Restore.refused(archive, "table " + t.name() + " does not match the manifest (" + what + "); the archive is damaged");
    }

    /** PostgreSQL's identity columns count on from the largest id restored, not from 1. */
    private static void resetIdentities(Connection c, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = ? AND is_identity = 'YES'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    identities.add(rs.getString(1));
                }
            }
        }
        for (String column : identities) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), COALESCE((SELECT MAX(" + column + ") FROM "
                        + table + "), 0) + 1, false)");
            }
        }
    }

    private static int[] types(Connection c, Manifest.Table t) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + String.join(", ", t.columns()) + " FROM " + t.name()
                + " WHERE 1 = 0")) {
            int[] types = new int[t.columns().size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = rs.getMetaData().getColumnType(i + 1);
            }
            return types;
        }
    }
}
