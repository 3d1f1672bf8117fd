package dev.veltrix.server.cli;

import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.server.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code veltrix}: the one executable of a Veltrix node. */
@Command(name = "veltrix", mixinStandardHelpOptions = true, version = "Veltrix 0.1.0",
        description = "The backend for Hytale and Minecraft server networks.",
        subcommands = {ServeCommand.class, MigrateCommand.class, VerifyCommand.class, ServerKeyCommand.class,
                AdminCommand.class, SimulateCommand.class, ProxyConfigCommand.class, DeadLettersCommand.class, QuestsCommand.class,
                BackupCommand.class, RestoreCommand.class})
public final class VeltrixCli implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: known failures print one clear line, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new VeltrixCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof VeltrixException || e instanceof IllegalArgumentException
                    || e instanceof dev.veltrix.storage.DatabaseUnreachableException) {
                cmd.getErr().println("veltrix: " + e.getMessage());
                return 2;
            }
            throw e;
        });
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
