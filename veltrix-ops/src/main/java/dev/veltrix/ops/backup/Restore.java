package dev.veltrix.ops.backup;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.SqlKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;

/**
 * Restores an archive into an empty database of any supported kind, so a backup and a restore move a network from the
 * embedded default to PostgreSQL. The archive is checked whole first (manifest, every table's row count and SHA-256,
 * schema versions this Veltrix knows): a corrupt, truncated or newer archive is refused before anything is written.
 * The schema is migrated to the archive's versions, the rows go in, then the schema is migrated to this Veltrix's.
 */
public final class Restore {
    private Restore() {
    }

    /** What a restore wrote. */
    public record Result(Manifest manifest, long rows) {
    }

    /** The archive's manifest, read without checking the tables against it (see {@link #check}). */
    public static Manifest manifest(Path archive) throws IOException {
        try (ZipFile zip = open(archive)) {
            return manifest(zip);
        }
    }

    /** Reads the whole archive and checks it against its manifest; returns the manifest, or says what is wrong. */
    public static Manifest check(Path archive) throws IOException {
        try (ZipFile zip = open(archive)) {
            Manifest manifest = manifest(zip);
            for (Manifest.Table t : manifest.tables()) {
                ZipEntry entry = zip.getEntry(entryName(t.name()));
                if (entry == null) {
                    throw refused(archive, "table " + t.name() + " is missing");
                }
                MessageDigest sha = sha256();
                long lines = 0;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                } catch (ZipException e) {
                    throw refused(archive, "table " + t.name() + " cannot be read (" + e.getMessage() + "); the archive is damaged");
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                if (lines != t.rows() || !hash.equals(t.sha256())) {
                    throw refused(archive, "table " + t.name() + " does not match the manifest (" + lines + " rows, sha256 " + hash
                            + "; the manifest says " + t.rows() + " rows, " + t.sha256() + "); the archive is damaged");
                }
            }
            return manifest;
        }
    }

    /**
     * Restores {@code archive} into {@code target}, which must hold no rows in the archive's tables unless {@code force}
     * (then they are emptied first). {@code modules} are the schema modules this Veltrix knows.
     */
    public static Result into(Database target, List<SchemaModule> modules, Path archive, boolean force) throws IOException, SQLException {
        return restore(target, modules, archive, check(archive), force);
    }

    /**
     * Restores into a scratch database that is thrown away if anything is wrong, so the archive is checked against its
     * manifest while it loads instead of in a pass of its own: a restore drill reads the archive once.
     */
    static Result intoScratch(Database scratch, List<SchemaModule> modules, Path archive) throws IOException, SQLException {
        return restore(scratch, modules, archive, manifest(archive), false);
    }

    private static Result restore(Database target, List<SchemaModule> modules, Path archive, Manifest manifest, boolean force)
            throws IOException, SQLException {
        Map<String, SchemaModule> known = modules.stream().collect(Collectors.toMap(SchemaModule::name, m -> m));
        for (String module : manifest.schemaVersions().keySet()) {
            if (!known.containsKey(module)) {
                throw refused(archive, "it holds schema module " + module + ", which this Veltrix does not know; restore it with the Veltrix that made it");
            }
        }
        // An archive from a newer Veltrix has migrations this one lacks: its rows may not fit.
        for (SchemaModule module : modules) {
            String version = manifest.schemaVersions().get(module.name());
            var all = flyway(target, module, null).info().all();
            String latest = all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
            if (version != null && Tables.compare(version, latest) > 0) {
                throw refused(archive, "it was made by a newer Veltrix (schema " + module.name() + " version " + version + "; this one knows "
                        + latest + "); restore it with that version or a later one");
            }
        }
        try (Connection c = target.dataSource().getConnection()) {
            refuseNonEmpty(c, target.kind(), manifest, force);
        }
        // The archive's schema first, so its rows fit; the newest after.
        for (SchemaModule module : modules) {
            String version = manifest.schemaVersions().get(module.name());
            if (version != null) {
                flyway(target, module, version).migrate();
            }
        }
        long rows = 0;
        try (ZipFile zip = open(archive); Connection c = target.dataSource().getConnection()) {
            c.setAutoCommit(false);
            if (force) {
                for (Manifest.Table t : manifest.tables()) {
                    if (!Tables.isSchemaHistory(t.name())) {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate("DELETE FROM " + t.name());
                        }
                    }
                }
            }
            for (Manifest.Table t : manifest.tables()) {
                if (!Tables.isSchemaHistory(t.name())) {
                    rows += TableLoader.load(c, target.kind(), zip, t, archive);
                }
            }
            c.commit();
        }
        target.migrate(modules);
        return new Result(manifest, rows);
    }

    private static void refuseNonEmpty(Connection c, SqlKind kind, Manifest manifest, boolean force) throws SQLException {
        if (force) {
            return;
        }
        List<String> existing = Tables.of(c, kind);
        for (Manifest.Table t : manifest.tables()) {
            if (Tables.isSchemaHistory(t.name()) || !existing.contains(t.name())) {
                continue;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t.name())) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new ConflictException("target-not-empty", "the target database is not empty (" + t.name() + " has " + rs.getLong(1)
                            + " rows); restore into an empty database, or force it to replace what is there");
                }
            }
        }
    }

    private static Flyway flyway(Database target, SchemaModule module, String version) {
        var config = Flyway.configure().dataSource(target.dataSource()).locations(module.location()).table(module.historyTable())
                .placeholders(target.kind().migrationPlaceholders()).baselineOnMigrate(true).baselineVersion("0");
        return (version == null ? config : config.target(version)).load();
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw refused(archive, "it is not a Veltrix archive, or it was cut short (" + e.getMessage() + ")");
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Backup.MANIFEST);
        if (entry == null) {
            throw refused(Path.of(zip.getName()), "it has no manifest: the backup that wrote it did not finish");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Manifest manifest = Backup.JSON.readValue(in, Manifest.class);
            if (manifest.format() != Manifest.FORMAT) {
                throw refused(Path.of(zip.getName()), "its format " + manifest.format() + " is not one this Veltrix reads (" + Manifest.FORMAT + ")");
            }
            return manifest;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw refused(Path.of(zip.getName()), "its manifest is unreadable: " + e.getOriginalMessage());
        }
    }

    static String entryName(String table) {
        return "tables/" + table + ".jsonl";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static RejectedException refused(Path archive, String why) {
        return new RejectedException("archive", "cannot restore " + archive.getFileName() + ": " + why + "; nothing was written");
    }
}
