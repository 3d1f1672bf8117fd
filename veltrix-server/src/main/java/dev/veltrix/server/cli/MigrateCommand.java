package dev.veltrix.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code veltrix migrate}: brings the database schema up to date without serving. */
@Command(name = "migrate", description = "Create or update the database schema, then exit.")
final class MigrateCommand implements Runnable {
    @Mixin
    ConfigOptions config;

    @Override
    public void run() {
        try (var database = config.openDatabase()) {
            System.out.println("schema of " + database.kind() + " database is up to date");
        }
    }
}
