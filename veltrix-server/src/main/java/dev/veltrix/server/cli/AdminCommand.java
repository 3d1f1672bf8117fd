package dev.veltrix.server.cli;

import dev.veltrix.server.auth.AdminStore;
import dev.veltrix.server.auth.Secrets;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code veltrix admin}: recovery for console accounts. */
@Command(name = "admin", description = "Console administrators.", subcommands = AdminCommand.ResetPassword.class)
final class AdminCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
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
