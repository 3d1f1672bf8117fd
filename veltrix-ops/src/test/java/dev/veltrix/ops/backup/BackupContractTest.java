package dev.veltrix.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.economy.ledger.sql.LedgerInvariant;
import dev.veltrix.storage.invariant.Invariants;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backups restored into every database: the books come back whole and keep working; a damaged, cut-short, unfinished
 * or newer archive, or a target that holds data, is refused before anything is written.
 */
class BackupContractTest {
    private static final List<SchemaModule> MODULES = List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Invariants INVARIANTS = new Invariants(List.of(new LedgerInvariant()));
    private static final UUID[] PLAYERS = BackupContractTestData.PLAYERS;

    @TempDir
    Path dir;

    private Manifest backup(Database database) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            return Backup.take(c, database.kind(), dir.resolve("veltrix.vxb"), CLOCK, INVARIANTS);
        }
    }

    private static void assertSameBooks(Database restored) {
        LedgerService ledger = BackupContractTestData.ledger(restored);
        try {
            assertThat(ledger.verify()).isEmpty();
            long total = 0;
            for (UUID p : PLAYERS) {
                total += ledger.balance(AccountId.player(p), "coins");
            }
            assertThat(total).isEqualTo(BackupContractTestData.COINS);
            // The restored books take new transfers (identity columns count on from the restored rows).
            ledger.transfer("after-restore", new TransferRequest(new AccountId("system:issuance"), AccountId.player(PLAYERS[0]), "coins", 5,
                    "test", Map.of()));
            assertThat(ledger.verify()).isEmpty();
        } finally {
            ledger.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void theEmbeddedDefaultsBackupRestoresIntoEveryDatabase(SqlKind target) throws Exception {
        try (var source = TestDatabases.open(SqlKind.SQLITE, MODULES); var into = TestDatabases.open(target, List.of())) {
            BackupContractTestData.fill(source.database());
            Manifest manifest = backup(source.database());
            assertThat(manifest.schemaVersions()).containsKeys("storage", "economy");
            assertThat(manifest.tables()).extracting(Manifest.Table::name).contains("ledger_transfers", "outbox_events");
            assertThat(manifest.summary()).as("read in the backup's snapshot").containsEntry("ledger.transfers", 60L)
                    .containsEntry("ledger.supply.coins", BackupContractTestData.COINS);
            assertThat(Files.exists(dir.resolve("veltrix.vxb.partial"))).as("renamed when complete").isFalse();

            Restore.Result result = Restore.into(into.database(), MODULES, dir.resolve("veltrix.vxb"), false);
            assertThat(result.rows()).isEqualTo(manifest.tables().stream().filter(t -> !Tables.isSchemaHistory(t.name()))
                    .mapToLong(Manifest.Table::rows).sum());
            assertSameBooks(into.database());
            assertThatThrownBy(() -> Restore.into(into.database(), MODULES, dir.resolve("veltrix.vxb"), false))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("the target database is not empty");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void everyDatabasesBackupRestoresIntoTheEmbeddedDefault(SqlKind source) throws Exception {
        try (var from = TestDatabases.open(source, MODULES); var into = TestDatabases.open(SqlKind.SQLITE, List.of())) {
            BackupContractTestData.fill(from.database());
            backup(from.database());
            Restore.into(into.database(), MODULES, dir.resolve("veltrix.vxb"), false);
            assertSameBooks(into.database());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aDamagedCutShortUnfinishedOrNewerArchiveIsRefusedBeforeAnythingIsWritten(SqlKind target) throws Exception {
        try (var source = TestDatabases.open(SqlKind.SQLITE, MODULES); var into = TestDatabases.open(target, List.of())) {
            BackupContractTestData.fill(source.database());
            backup(source.database());
            Path good = dir.resolve("veltrix.vxb");

            Path damaged = rewrite(good, "damaged.vxb", (name, bytes) -> name.equals("tables/ledger_transfers.jsonl")
                    ? new String(bytes).replaceFirst("\"test\"", "\"tEst\"").getBytes() : bytes);
            refused(into.database(), damaged, "table ledger_transfers does not match the manifest");

            Path cut = dir.resolve("cut.vxb");
            byte[] whole = Files.readAllBytes(good);
            Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
            refused(into.database(), cut, "cut short");

            Path unfinished = rewrite(good, "unfinished.vxb", (name, bytes) -> name.equals(Backup.MANIFEST) ? null : bytes);
            refused(into.database(), unfinished, "has no manifest: the backup that wrote it did not finish");

            Path newer = rewrite(good, "newer.vxb", (name, bytes) -> name.equals(Backup.MANIFEST)
                    ? new String(bytes).replaceFirst("\"economy\" : \"\\d+\"", "\"economy\" : \"999\"").getBytes() : bytes);
            refused(into.database(), newer, "made by a newer Veltrix (schema economy version 999");

            try (Connection c = into.database().dataSource().getConnection()) {
                assertThat(Tables.of(c, target)).as("nothing was written").doesNotContain("ledger_transfers");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aDrillReportsADamagedTableOrARestoreThatDoesNotReproduceTheSummaryTheBackupRecorded() throws Exception {
        try (var source = TestDatabases.open(SqlKind.SQLITE, MODULES)) {
            BackupContractTestData.fill(source.database());
            backup(source.database());
            Path good = dir.resolve("veltrix.vxb");
            assertThat(RestoreDrill.run(good, MODULES, INVARIANTS)).isEmpty();

            long coins = BackupContractTestData.COINS;
            Path altered = rewrite(good, "altered.vxb", (name, bytes) -> name.equals(Backup.MANIFEST)
                    ? new String(bytes).replace("\"ledger.supply.coins\" : " + coins, "\"ledger.supply.coins\" : " + (coins + 1)).getBytes() : bytes);
            assertThat(RestoreDrill.run(altered, MODULES, INVARIANTS))
                    .containsExactly("ledger.supply.coins is " + coins + " after the restore; the backup recorded " + (coins + 1));

            // The drill reads the archive once, checking each table as it loads: a damaged one fails it all the same.
            Path damaged = rewrite(good, "damaged.vxb", (name, bytes) -> name.equals("tables/ledger_transfers.jsonl")
                    ? new String(bytes).replaceFirst(",10,", ",11,").getBytes() : bytes);
            assertThat(RestoreDrill.run(damaged, MODULES, INVARIANTS)).singleElement().asString()
                    .contains("the restore drill failed", "table ledger_transfers does not match the manifest");
        }
    }

    private static void refused(Database target, Path archive, String why) {
        assertThatThrownBy(() -> Restore.into(target, MODULES, archive, false)).isInstanceOf(RejectedException.class)
                .hasMessageContaining(why).hasMessageContaining("nothing was written");
    }

    @FunctionalInterface
    private interface Change {
        byte[] apply(String entry, byte[] bytes);
    }

    /** A copy of the archive with entries changed (null drops one). */
    private Path rewrite(Path archive, String name, Change change) throws IOException {
        Path out = dir.resolve(name);
        try (ZipFile in = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = change.apply(e.getName(), in.getInputStream(e).readAllBytes());
                if (bytes != null) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        }
        return out;
    }
}
