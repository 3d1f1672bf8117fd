package dev.veltrix.server.cli;

import dev.veltrix.server.auth.AdminStore;
import dev.veltrix.server.auth.Secrets;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code veltrix admin}: recovery for console accounts. */
@Command(name = "admin", description = "Console administrators.", subcommands = {AdminCommand.Create.class, AdminCommand.ResetPassword.class})
final class AdminCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "create", description = "Create an admin of one brand (--brand) with a one-time password, printed once.")
    static final class Create implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @picocli.CommandLine.Option(names = "--brand", required = true, description = "the brand they administer, and nothing else")
        String brand;

        @Override
        public void run() {
            if (username == null || !username.matches("[A-Za-z0-9_.@-]{1,64}")) {
                throw new IllegalArgumentException("a username of 1..64 letters, digits and _ . @ -, got " + username);
            }
            try (var database = config.openDatabase()) {
                String password = Secrets.token(18);
                new AdminStore(database, Clock.systemUTC()).createForBrand(username, password, brand);
                System.out.println(password);
                System.err.println("one-time password for " + username + ", admin of brand " + brand + "; the console asks for a new one at sign-in");
            }
        }
    }

    @Command(name = "reset-password", description = "Give an admin a new one-time password (printed once).")
    static final class ResetPassword implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public void run() {
            try (var database = config.openDatabase()) {
                AdminStore admins = new AdminStore(database, Clock.systemUTC());
                String password = Secrets.token(18);
                admins.resetPassword(username, password);
                System.out.println(password);
                System.err.println("one-time password for " + username + "; the console asks for a new one at sign-in");
            }
        }
    }
}
