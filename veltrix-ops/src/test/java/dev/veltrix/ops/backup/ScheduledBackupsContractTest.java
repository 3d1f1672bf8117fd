package dev.veltrix.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.economy.ledger.sql.LedgerInvariant;
import dev.veltrix.storage.invariant.Invariant;
import dev.veltrix.storage.invariant.Invariants;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each scheduled backup is drilled by restoring it; the result is kept, old archives go, a failed drill says why. */
class ScheduledBackupsContractTest {
    private static final List<SchemaModule> MODULES = List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, ScheduledBackups.SCHEMA);

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void everyBackupIsProvenByARestoreDrillAndOnlyTheNewestAreKept(SqlKind kind) throws Exception {
        try (var db = TestDatabases.open(kind, MODULES)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T03:00:00Z"));
            BackupContractTestData.fill(db.database());
            // The invariant a network cares most about: the restored books balance.
            ScheduledBackups backups = new ScheduledBackups(db.database(), clock, dir, 2, MODULES, new Invariants(List.of(new LedgerInvariant())));
            assertThat(backups.lastVerified()).isEmpty();
            BackupRun first = backups.run();
            assertThat(first.verified()).as(first.problems()).isTrue();
            assertThat(first.rows()).isGreaterThan(60);
            assertThat(Files.exists(Path.of(first.file()))).isTrue();
            for (int day = 1; day <= 2; day++) {
                clock.advance(Duration.ofDays(1));
                assertThat(backups.run().verified()).isTrue();
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .containsExactly("veltrix-20261202-030000.vxb", "veltrix-20261203-030000.vxb");
            }
            assertThat(backups.lastVerified()).contains(Instant.parse("2026-12-03T03:00:00Z"));

            // A drill that finds a problem keeps the backup but does not count it as proven.
            ScheduledBackups strict = new ScheduledBackups(db.database(), clock, dir, 2, MODULES, new Invariants(List.of(new Broken())));
            clock.advance(Duration.ofDays(1));
            BackupRun failed = strict.run();
            assertThat(failed.verified()).isFalse();
            assertThat(failed.problems()).contains("coins do not sum to zero");
            assertThat(strict.lastVerified()).contains(Instant.parse("2026-12-03T03:00:00Z"));
            assertThat(strict.lastSuccess()).contains(Instant.parse("2026-12-04T03:00:00Z"));
            assertThat(strict.recent(10)).hasSize(4);
        }
    }

    /** An invariant that never holds, as a drill of a broken database would find. */
    private static final class Broken implements Invariant {
        @Override
        public String area() {
            return "coins";
        }

        @Override
        public java.util.Map<String, Long> summary(org.jooq.DSLContext dsl) {
            return java.util.Map.of();
        }

        @Override
        public List<String> check(org.jooq.DSLContext dsl) {
            return List.of("coins do not sum to zero");
        }
    }
}
