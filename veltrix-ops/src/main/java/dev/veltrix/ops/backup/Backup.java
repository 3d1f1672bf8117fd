package dev.veltrix.ops.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.Snapshot;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.invariant.Invariants;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes an online, consistent snapshot of every table into a portable archive: a zip of one JSON-lines file per table
 * ({@code tables/<name>.jsonl}, each line a row's values in column order) and {@code manifest.json} with the schema
 * versions, row counts and SHA-256 of each table file. All tables are read in one snapshot (a repeatable-read
 * transaction on PostgreSQL and MariaDB, one read transaction on SQLite, which in WAL mode never blocks writers), and
 * the invariants' summary is read in that same snapshot. The
 * archive is written as {@code <file>.partial}, flushed to disk, and only then renamed: a backup killed midway never
 * leaves a file that looks complete.
 */
public final class Backup {
    static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Backup() {
    }

    /** Backs up what {@code connection} sees into {@code archive}; returns the manifest written last. */
    public static Manifest take(Connection connection, SqlKind kind, Path archive, Clock clock, Invariants invariants)
            throws IOException, SQLException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        Manifest manifest = Snapshot.read(connection, kind, c -> write(c, kind, partial, clock, invariants));
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return manifest;
    }

    private static Manifest write(Connection connection, SqlKind kind, Path partial, Clock clock, Invariants invariants)
            throws IOException, SQLException {
        try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); ArchiveWriter zip = new ArchiveWriter(new BufferedOutputStream(file, 1 << 16))) {
            List<Manifest.Table> tables = new ArrayList<>();
            Map<String, String> versions = new LinkedHashMap<>();
            for (String table : Tables.of(connection, kind)) {
                tables.add(dump(connection, table, zip));
                if (Tables.isSchemaHistory(table)) {
                    versions.put(table.substring("veltrix_schema_".length()), Tables.version(connection, table));
                }
            }
            Map<String, Long> summary = invariants.summary(Database.dsl(connection, kind));
            Manifest manifest = new Manifest(Manifest.FORMAT, clock.instant(), kind.name().toLowerCase(java.util.Locale.ROOT), versions, tables,
                    summary);
            zip.beginEntry(MANIFEST);
            try (OutputStream out = zip.entry()) {
                JSON.writerWithDefaultPrettyPrinter().writeValue(out, manifest);
            }
            zip.endEntry();
            return manifest;
        }
    }

    private static Manifest.Table dump(Connection c, String table, ArchiveWriter zip) throws IOException, SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        zip.beginEntry("tables/" + table + ".jsonl");
        long rows = 0;
        List<String> columns = new ArrayList<>();
        // One generator per table writing straight into the digest: no object per row between the driver and the file.
        // Closing it flushes into the entry (JSON does not close what it writes to; the entry stream's close only flushes).
        try (Statement st = c.createStatement(); JsonGenerator out = JSON.getFactory().createGenerator(
                new DigestOutputStream(zip.entry(), sha))) {
            out.setRootValueSeparator(null);
            st.setFetchSize(1_000);
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
                }
                while (rs.next()) {
                    out.writeStartArray();
                    for (int i = 1; i <= columns.size(); i++) {
                        Values.write(out, rs, i);
                    }
                    out.writeEndArray();
                    out.writeRaw('\n');
                    rows++;
                }
            }
        }
        zip.endEntry();
        return new Manifest.Table(table, columns, rows, HexFormat.of().formatHex(sha.digest()));
    }
}
