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
    void verifyReportsHealthyBooksOnAFreshDatabase() {
        Run run = run("verify", "--set", "storage.url=jdbc:sqlite:" + dir.resolve("v.db"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ledger: OK");
    }
}
