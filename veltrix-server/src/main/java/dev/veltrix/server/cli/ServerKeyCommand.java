package dev.veltrix.server.cli;

import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.auth.ServerKeyStore;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veltrix server-key create|list|revoke}: API keys for game servers. */
@Command(name = "server-key", description = "Manage game servers' API keys.",
        subcommands = {ServerKeyCommand.Create.class, ServerKeyCommand.ListKeys.class, ServerKeyCommand.Revoke.class})
final class ServerKeyCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "create", description = "Create a key and print it once.")
    static final class Create implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "NAME", description = "the game server's name, e.g. survival-1")
        String name;
        @Option(names = "--scopes", split = ",", description = "comma-separated scopes (default: all): "
                + "economy:read, economy:write, players:login, stream")
        java.util.List<String> scopes;
        @Option(names = "--count", defaultValue = "1", description = "keys for NAME-1 .. NAME-COUNT, printed as "
                + "'name key' lines (provisioning many servers at once); default ${DEFAULT-VALUE}")
        int count;

        @Override
        public void run() {
            if (count < 1 || count > 10_000) {
                throw new IllegalArgumentException("--count must be 1..10000, got " + count);
            }
            var chosen = scopes == null ? java.util.EnumSet.allOf(Scope.class) : Scope.parseAll(String.join(",", scopes));
            try (var database = config.openDatabase()) {
                ServerKeyStore keys = new ServerKeyStore(database, Clock.systemUTC());
                if (count == 1) {
                    var created = keys.create(name, chosen);
                    System.out.println(created.token());
                    System.err.println("server key " + created.key().id() + " for " + name + " with scopes "
                            + Scope.format(created.key().scopes()) + "; the key above is shown only once");
                    return;
                }
                for (int i = 1; i <= count; i++) {
                    System.out.println(name + "-" + i + " " + keys.create(name + "-" + i, chosen).token());
                }
                System.err.println(count + " server keys with scopes " + Scope.format(chosen) + "; the keys above are shown only once");
            }
        }
    }

    @Command(name = "list", description = "List keys (never their secrets).")
    static final class ListKeys implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            try (var database = config.openDatabase()) {
                for (var key : new ServerKeyStore(database, Clock.systemUTC()).list()) {
                    System.out.printf("%s  %-24s %-50s %s%n", key.id(), key.name(), Scope.format(key.scopes()),
                            key.revokedAt() == null ? "active" : "revoked " + key.revokedAt());
                }
            }
        }
    }

    @Command(name = "revoke", description = "Revoke a key by id.")
    static final class Revoke implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public void run() {
            try (var database = config.openDatabase()) {
                new ServerKeyStore(database, Clock.systemUTC()).revoke(id);
                System.out.println("revoked " + id + " (other nodes stop accepting it within 30 seconds)");
            }
        }
    }
}
