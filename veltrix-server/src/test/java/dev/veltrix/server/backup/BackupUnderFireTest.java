package dev.veltrix.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.RejectedException;
import dev.veltrix.ops.backup.Restore;
import dev.veltrix.ops.backup.RestoreDrill;
import dev.veltrix.server.TestNode;
import dev.veltrix.server.VeltrixNode;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups where they are taken in life: by a separate {@code veltrix backup} process beside a serving node. One is
 * killed with SIGKILL halfway and must leave nothing that looks like an archive; one runs while players trade and must
 * restore to books that pass every invariant and hold every transfer acknowledged before it began.
 */
class BackupUnderFireTest {
    @TempDir
    Path dir;

    @Test
    void aBackupKilledHalfwayLeavesNoArchiveThatLooksCompleteAndTheNextOneIsWhole() throws Exception {
        Path db = dir.resolve("veltrix.db");
        try (Database database = Database.open(StorageConfig.sqlite(db.toString()))) {
            database.migrate(VeltrixNode.schemas());
            fillIncidents(database, 400_000); // enough rows that writing them takes the backup a while
        }
        Path archive = dir.resolve("nightly.vxb");
        Path partial = dir.resolve("nightly.vxb.partial");
        Process backup = cli("backup", archive.toString(), "--set", "storage.url=jdbc:sqlite:" + db);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(partial) && Files.size(partial) > 0) && backup.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(Files.exists(partial)).as("the backup was writing when it was killed").isTrue();
        backup.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        backup.waitFor(10, TimeUnit.SECONDS);

        assertThat(archive).as("a killed backup never takes the archive's name").doesNotExist();
        assertThatThrownBy(() -> Restore.check(partial)).as("what it left is refused").isInstanceOf(RejectedException.class)
                .hasMessageContaining("nothing was written");

        Process again = cli("backup", archive.toString(), "--set", "storage.url=jdbc:sqlite:" + db);
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(dir.resolve("cli.log"))).isZero();
        assertThat(partial).as("the next backup replaced the leftover").doesNotExist();
        assertThat(RestoreDrill.run(archive, VeltrixNode.schemas(), VeltrixNode.invariants())).isEmpty();
    }

    @Test
    void aBackupTakenWhilePlayersTradeRestoresToBooksThatPassEveryInvariant() throws Exception {
        try (TestNode node = TestNode.start()) {
            node.createCoins();
            List<UUID> players = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                players.add(UUID.randomUUID());
                node.fund(players.getLast(), 1_000);
            }
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean trading = new AtomicBoolean(true);
            List<Thread> traders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                traders.add(Thread.ofVirtual().start(() -> trade(node, players, trading, acknowledged)));
            }
            while (acknowledged.size() < 200) {
                Thread.sleep(5);
            }
            Set<String> before = Set.copyOf(acknowledged);
            Path archive = dir.resolve("live.vxb");
            Process backup = cli("backup", archive.toString(), "--set", "storage.url=jdbc:sqlite:" + node.dataDir.resolve("veltrix.db"));
            assertThat(backup.waitFor(120, TimeUnit.SECONDS)).isTrue();
            int duringBackup = acknowledged.size() - before.size();
            trading.set(false);
            for (Thread trader : traders) {
                trader.join();
            }
            assertThat(backup.exitValue()).as(Files.readString(dir.resolve("cli.log"))).isZero();
            assertThat(duringBackup).as("players kept trading while the backup ran").isPositive();

            assertThat(RestoreDrill.run(archive, VeltrixNode.schemas(), VeltrixNode.invariants())).as("every invariant holds").isEmpty();
            try (Database restored = Database.open(StorageConfig.sqlite(dir.resolve("restored.db").toString()))) {
                Restore.into(restored, VeltrixNode.schemas(), archive, false);
                try (Connection c = restored.dataSource().getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ledger_transfers WHERE reference = ?")) {
                    for (String reference : before) {
                        ps.setString(1, reference);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            assertThat(rs.getInt(1)).as("transfer %s, acknowledged before the backup began", reference).isEqualTo(1);
                        }
                    }
                }
            }
        }
    }

    /** Random payments between the players until told to stop; each acknowledged one is remembered by its reference. */
    private static void trade(TestNode node, List<UUID> players, AtomicBoolean trading, Set<String> acknowledged) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        while (trading.get()) {
            UUID from = players.get(random.nextInt(players.size()));
            UUID to = players.get(random.nextInt(players.size()));
            String reference = "trade-" + UUID.randomUUID();
            var response = node.post("/api/v1/transfers", "{\"from\":\"player:" + from + "\",\"to\":\"player:" + to
                    + "\",\"currency\":\"coins\",\"amount\":1,\"reference\":\"" + reference + "\"}", reference);
            if (response.statusCode() == 201) {
                acknowledged.add(reference);
            }
        }
    }

    private static void fillIncidents(Database database, int rows) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim_incidents (id, at, player, action, world, x, y, z) "
                    + "VALUES (?, ?, ?, 'break', 'overworld', ?, 64, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setLong(2, i);
                    ps.setString(3, UUID.randomUUID().toString());
                    ps.setInt(4, i % 1000);
                    ps.setInt(5, i / 1000);
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** {@code veltrix ...} as a process of its own, as an operator runs it beside the server. */
    private Process cli(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.veltrix.server.cli.VeltrixCli"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
    }
}
