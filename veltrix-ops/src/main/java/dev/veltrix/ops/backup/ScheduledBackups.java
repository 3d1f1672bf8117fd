package dev.veltrix.ops.backup;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.invariant.Invariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups on a schedule, each proven by a restore drill: the archive is restored into a scratch SQLite database and
 * checked (the archive against its manifest, the row counts, and the invariants the caller names, such as the ledger's
 * sums), and the result kept. The newest {@code keep} archives are kept. Runs on the node holding its lease.
 */
public final class ScheduledBackups {
    public static final SchemaModule SCHEMA = new SchemaModule("ops");
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final Table<Record> RUNS = table(name("ops_backups"));
    static final Field<String> ID = field(name("id"), String.class);
    static final Field<String> FILE = field(name("file"), String.class);
    static final Field<Long> TAKEN = field(name("taken_at"), Long.class);
    static final Field<Long> BYTES = field(name("bytes"), Long.class);
    static final Field<Long> ROWS = field(name("rows_total"), Long.class);
    static final Field<Long> VERIFIED_AT = field(name("verified_at"), Long.class);
    static final Field<Integer> VERIFIED = field(name("verified"), Integer.class);
    static final Field<String> PROBLEMS = field(name("problems"), String.class);

    private final Database database;
    private final Clock clock;
    private final Path directory;
    private final int keep;
    private final List<SchemaModule> modules;
    private final Invariants invariants;

    /** @param invariants what must hold in a restored database, and the summary a restore must reproduce */
    public ScheduledBackups(Database database, Clock clock, Path directory, int keep, List<SchemaModule> modules, Invariants invariants) {
        this.database = database;
        this.clock = clock;
        this.directory = directory;
        this.keep = keep;
        this.modules = List.copyOf(modules);
        this.invariants = invariants;
    }

    /** Takes a backup, drills it, keeps the newest archives; returns the run. Failures are kept as runs that did not verify. */
    public BackupRun run() {
        String id = UuidV7.next().toString();
        Path file = directory.resolve("veltrix-" + STAMP.format(clock.instant()) + ".vxb");
        Manifest manifest;
        try {
            Files.createDirectories(directory);
            try (Connection c = database.dataSource().getConnection()) {
                manifest = Backup.take(c, database.kind(), file, clock, invariants);
            }
        } catch (Exception e) {
            LOG.error("backup to {} failed", file, e);
            record(id, file, 0, 0, List.of("the backup failed: " + e.getMessage()));
            return run(id);
        }
        long rows = manifest.tables().stream().mapToLong(Manifest.Table::rows).sum();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        record(id, file, bytes, rows, null);
        List<String> problems = RestoreDrill.run(file, modules, invariants);
        database.inTransaction(tx -> tx.update(RUNS).set(VERIFIED_AT, clock.millis()).set(VERIFIED, problems.isEmpty() ? 1 : 0)
                .set(PROBLEMS, problems.isEmpty() ? null : String.join("\n", problems)).where(ID.eq(id)).execute());
        prune();
        return run(id);
    }

    private void record(String id, Path file, long bytes, long rows, List<String> problems) {
        database.inTransaction(tx -> tx.insertInto(RUNS, ID, FILE, TAKEN, BYTES, ROWS, VERIFIED, PROBLEMS)
                .values(id, file.toString(), clock.millis(), bytes, rows, 0, problems == null ? null : String.join("\n", problems)).execute());
    }

    /** Keeps the newest {@code keep} archives of this schedule and deletes the rest. */
    private void prune() {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("veltrix-\\d{8}-\\d{6}\\.vxb"))
                    .sorted(Comparator.comparing(Path::toString).reversed()).toList();
            for (Path old : archives.subList(Math.min(keep, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            LOG.warn("could not prune old backups in {}: {}", directory, e.toString());
        }
    }

    public BackupRun run(String id) {
        return database.dsl().selectFrom(RUNS).where(ID.eq(id)).fetchOne(ScheduledBackups::read);
    }

    /** The latest runs, newest first. */
    public List<BackupRun> recent(int limit) {
        return database.dsl().selectFrom(RUNS).orderBy(TAKEN.desc(), ID.desc()).limit(limit).fetch(ScheduledBackups::read);
    }

    /** When the last backup was written, if one was. */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(database.dsl().select(max(TAKEN)).from(RUNS).where(BYTES.gt(0L)).fetchOne(0, Long.class)).map(Instant::ofEpochMilli);
    }

    /** When the last backup whose restore drill passed was taken. */
    public Optional<Instant> lastVerified() {
        return Optional.ofNullable(database.dsl().select(max(TAKEN)).from(RUNS).where(VERIFIED.eq(1)).fetchOne(0, Long.class)).map(Instant::ofEpochMilli);
    }

    private static BackupRun read(Record r) {
        return new BackupRun(r.get(ID), r.get(FILE), Instant.ofEpochMilli(r.get(TAKEN)), r.get(BYTES), r.get(ROWS),
                r.get(VERIFIED_AT) == null ? null : Instant.ofEpochMilli(r.get(VERIFIED_AT)), r.get(VERIFIED) == 1, r.get(PROBLEMS));
    }
}
