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
        var previous = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            var cli = VeltrixCli.commandLine().setErr(new PrintWriter(err));
            return new Run(cli.execute(args), out.toString(), err.toString());
        } finally {
            System.setOut(previous);
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
    void verifyReportsHealthyBooksOnAFreshDatabase() {
        Run run = run("verify", "--set", "storage.url=jdbc:sqlite:" + dir.resolve("v.db"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ledger: OK");
    }
}
