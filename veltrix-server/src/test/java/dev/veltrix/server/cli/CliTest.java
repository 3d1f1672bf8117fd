package dev.veltrix.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        var out = new java.io.ByteArrayOutputStream();
        var errors = new java.io.ByteArrayOutputStream();
        var previous = System.out;
        var previousErr = System.err;
        System.setOut(new java.io.PrintStream(out, true));
        System.setErr(new java.io.PrintStream(errors, true));
        try {
            var cli = VeltrixCli.commandLine().setErr(new PrintWriter(err));
            return new Run(cli.execute(args), out.toString(), err + errors.toString());
        } finally {
            System.setOut(previous);
            System.setErr(previousErr);
        }
    }

    @Test
    void createsAServerKeyThatIsPrintedOnceAndListedWithoutItsSecret() {
        String db = "storage.url=jdbc:sqlite:" + dir.resolve("v.db");
        Run created = run("server-key", "create", "lobby-1", "--scopes", "economy:read,stream", "--set", db);
        assertThat(created.exitCode()).isZero();
        String token = created.out().trim();
        assertThat(token).matches("vx_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");

        Run listed = run("server-key", "list", "--set", db);
        assertThat(listed.out()).contains("lobby-1").contains("economy:read,stream").doesNotContain(token.substring(16));
    }

    @Test
    void questContentIsValidatedImportedAndExportedAndABrokenFileChangesNothing() throws Exception {
        String db = "storage.url=jdbc:sqlite:" + dir.resolve("q.db");
        assertThat(run("migrate", "--set", db).exitCode()).isZero();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("q.db")); var st = c.createStatement()) {
            st.execute("INSERT INTO ledger_currencies (code, name, decimals, created_at) VALUES ('coins', 'Coins', 0, 0)");
        }
        Path broken = dir.resolve("broken.yaml");
        java.nio.file.Files.writeString(broken, "nodes:\n  - {id: wolf, type: dragon}\n  - {id: hunt, type: quest, name: Hunt}\n"
                + "edges:\n  - {from: hunt, type: has, to: nothing}\n");
        Run refused = run("quests", "validate", broken.toString(), "--set", db);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("nodes[0].type (wolf): unknown node type \"dragon\"", "1 problem; nothing was changed");
        assertThat(run("quests", "import", broken.toString(), "--set", db).exitCode()).isEqualTo(1);
        assertThat(run("quests", "export", "--set", db).err()).contains("nothing is published yet");

        Run admin = run("admin", "create", "onyx-admin", "--brand", "onyx", "--set", db);
        assertThat(admin.exitCode()).as(admin.err()).isZero();
        assertThat(admin.out().trim()).hasSizeGreaterThan(16);
        assertThat(admin.err()).contains("admin of brand onyx");
        assertThat(run("admin", "create", "onyx-admin", "--brand", "onyx", "--set", db).err()).contains("an admin named onyx-admin exists");

        Path valley = Path.of("../docs/quests-example.yaml");
        assertThat(run("quests", "validate", valley.toString(), "--set", db).out()).contains("OK (22 nodes, 19 edges)");
        Run imported = run("quests", "import", valley.toString(), "--publish", "--set", db);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("version 1 published");
        Run exported = run("quests", "export", "--set", db);
        assertThat(exported.out()).contains("\"wolf-hunt\"", "\"follow-up\"");
        assertThat(dev.veltrix.progression.quests.ContentFormat.read(exported.out()).content())
                .isEqualTo(dev.veltrix.progression.quests.ContentFormat.read(java.nio.file.Files.readString(valley)).content());
    }

    @Test
    void aBackupRestoresIntoAnEmptyDatabaseAndNotOverOneThatHoldsData() throws Exception {
        String source = "storage.url=jdbc:sqlite:" + dir.resolve("source.db");
        assertThat(run("server-key", "create", "lobby-1", "--set", source).exitCode()).isZero();
        Path archive = dir.resolve("backup.vxb");
        Run backup = run("backup", archive.toString(), "--set", source);
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("rows, schema {").contains("server=");

        Run verified = run("verify", "--archive", archive.toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("OK", "restore whole", "summary figures reproduced", "invariants hold");
        String target = "storage.url=jdbc:sqlite:" + dir.resolve("target.db");
        Run restored = run("restore", archive.toString(), "--set", target);
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("restored", "restored database: OK (row counts and", "invariants hold)");
        assertThat(run("server-key", "list", "--set", target).out()).as("the key came along").contains("lobby-1");
        Run again = run("restore", archive.toString(), "--set", target);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("the target database is not empty");
        java.nio.file.Files.write(dir.resolve("junk.vxb"), "not a zip".getBytes());
        Run junk = run("verify", "--archive", dir.resolve("junk.vxb").toString());
        assertThat(junk.exitCode()).isEqualTo(2);
        assertThat(junk.err()).contains("not a Veltrix archive");
        assertThat(run("restore", dir.resolve("junk.vxb").toString(), "--set", "storage.url=jdbc:sqlite:" + dir.resolve("other.db")).err())
                .contains("not a Veltrix archive", "nothing was written");
        Run unreachable = run("restore", archive.toString(), "--set", "storage.url=jdbc:postgresql://127.0.0.1:1/veltrix?user=v&password=hunter2");
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("veltrix: cannot open the database jdbc:postgresql://127.0.0.1:1/veltrix?user=v&password=***",
                "check storage.url").doesNotContain("hunter2").doesNotContain("\tat ");
    }

    @Test
    void aBadSettingExitsWithTwoAndOneClearLine() {
        Run run = run("migrate", "--set", "http.port=99999");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("veltrix: invalid setting http.port=99999").contains("0 to 65535");
    }

    @Test
    void proxyConfigListsTheRegisteredProxiesOrSaysThereAreNone() {
        String db = "storage.url=jdbc:sqlite:" + dir.resolve("v.db");
        Run none = run("proxy-config", "--format", "haproxy", "--set", db);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no proxies are registered");

        assertThat(run("migrate", "--set", db).exitCode()).isZero();
        try (var database = dev.veltrix.storage.Database.open(dev.veltrix.storage.StorageConfig.sqlite(dir.resolve("v.db").toString()))) {
            new dev.veltrix.network.NetworkService(new dev.veltrix.network.sql.JooqNetworkStore(database), java.time.Clock.systemUTC(),
                    dev.veltrix.network.NetworkSettings.DEFAULTS).register("proxy-1", dev.veltrix.network.ServerKind.PROXY,
                    "proxy", "10.0.0.1:25577", 1_000, java.util.List.of());
        }
        Run nginx = run("proxy-config", "--format", "nginx", "--port", "25565", "--set", db);
        assertThat(nginx.exitCode()).as(nginx.err()).isZero();
        assertThat(nginx.out()).contains("server 10.0.0.1:25577 max_conns=1000;", "listen 25565;");
    }

    @Test
    void verifyPrintsEachBrokenInvariantOfTheDatabaseAndOfItsBackup() throws Exception {
        String db = "storage.url=jdbc:sqlite:" + dir.resolve("v.db");
        Run healthy = run("verify", "--set", db);
        assertThat(healthy.exitCode()).isZero();
        assertThat(healthy.out()).contains("database: OK (4 invariants hold)");

        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("v.db")); var st = c.createStatement()) {
            st.execute("INSERT INTO claim_worlds (id, name, grp, min_x, min_y, min_z, max_x, max_y, max_z, created_at) "
                    + "VALUES ('overworld', 'Overworld', 'survival', -100, 0, -100, 100, 255, 100, 0)");
            st.execute("INSERT INTO claims (id, world, owner, min_x, min_y, min_z, max_x, max_y, max_z, restricted, created_at) "
                    + "VALUES ('north', 'overworld', 'ann', 0, 0, 0, 9, 255, 9, 0, 0), ('south', 'overworld', 'bob', 9, 0, 9, 20, 255, 20, 0, 0)");
            st.execute("INSERT INTO ledger_balances (account, currency, balance) VALUES ('player:ann', 'coins', 5)");
        }
        Run broken = run("verify", "--set", db);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("database: BROKEN claims: claims north and south overlap in world overworld",
                "database: BROKEN ledger: balances of coins sum to 5, not 0",
                "database: BROKEN ledger: balance of player:ann in coins is 5 but its transfers add up to 0");

        Path archive = dir.resolve("broken.vxb");
        assertThat(run("backup", archive.toString(), "--set", db).exitCode()).isZero();
        Run drilled = run("verify", "--archive", archive.toString());
        assertThat(drilled.exitCode()).as("a backup of broken books is not a sound backup").isEqualTo(1);
        assertThat(drilled.out()).contains(archive + ": BROKEN claims: claims north and south overlap");
        Run restored = run("restore", archive.toString(), "--set", "storage.url=jdbc:sqlite:" + dir.resolve("restored.db"));
        assertThat(restored.exitCode()).as("the restore is verified where it landed").isEqualTo(1);
        assertThat(restored.out()).contains("restored database: BROKEN claims: claims north and south overlap");
    }

    @Test
    void deadLettersAreListedAndReplayedToTheConsumerThatFailed() throws Exception {
        assertThat(run("dead-letters", "list").err()).contains("cluster mode only", "kafka.bootstrap-servers");
        String topic = "veltrix.cli." + java.util.UUID.randomUUID().toString().substring(0, 8);
        var settings = dev.veltrix.kafka.KafkaSettings.of(dev.veltrix.kafka.TestKafka.bootstrapServers(), topic, "cli-test");
        try (var bus = dev.veltrix.kafka.KafkaEventBus.start(settings, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            var recovered = new java.util.concurrent.CountDownLatch(1);
            var fixed = new java.util.concurrent.atomic.AtomicBoolean();
            bus.subscribe("payouts", event -> {
                if (!fixed.get()) {
                    throw new IllegalStateException("payout provider down");
                }
                recovered.countDown();
            });
            var event = new dev.veltrix.core.event.EventEnvelope(java.util.UUID.randomUUID(), "payout.requested", "creator-1",
                    java.time.Instant.now(), "test", "{}");
            bus.publish(java.util.List.of(event));
            String[] kafka = {"--set", "kafka.bootstrap-servers=" + settings.bootstrapServers(), "--set", "kafka.topic=" + topic,
                    "--set", "kafka.dead-letter-topic=" + settings.deadLetterTopic()};
            Run listed = run(concat(new String[] {"dead-letters", "list"}, kafka));
            for (int i = 0; i < 100 && !listed.out().contains(event.id().toString()); i++) {
                Thread.sleep(100);
                listed = run(concat(new String[] {"dead-letters", "list"}, kafka));
            }
            assertThat(listed.out()).contains("payouts", "payout.requested", event.id().toString(), "payout provider down");
            String position = listed.out().strip().split("\\s+")[0];

            fixed.set(true);
            Run replayed = run(concat(new String[] {"dead-letters", "replay", position}, kafka));
            assertThat(replayed.exitCode()).as(replayed.err()).isZero();
            assertThat(replayed.out()).contains("to consumer payouts");
            assertThat(recovered.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the replayed event was handled").isTrue();
            assertThat(run(concat(new String[] {"dead-letters", "replay", "0:x"}, kafka)).err()).contains("PARTITION:OFFSET");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
