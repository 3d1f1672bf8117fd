package dev.veltrix.server.cli;

import dev.veltrix.server.config.ConfigLoader;
import dev.veltrix.server.config.VeltrixConfig;
import dev.veltrix.server.VeltrixNode;
import dev.veltrix.storage.Database;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: where the configuration file is, and settings to override. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "veltrix.yml",
            description = "configuration file (default: ${DEFAULT-VALUE}; used when it exists)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one setting, e.g. --set http.port=8081")
    Map<String, String> overrides = new LinkedHashMap<>();

    VeltrixConfig load(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(extra);
        return ConfigLoader.load(file, System.getenv(), all);
    }

    /** Opens the configured database and brings its schema up to date. */
    Database openDatabase() {
        Database database = openUnmigrated();
        database.migrate(VeltrixNode.schemas());
        return database;
    }

    /** Opens the configured database as it is (a restore migrates it to the archive's schema first). */
    Database openUnmigrated() {
        return Database.open(load(Map.of()).storage());
    }
}
