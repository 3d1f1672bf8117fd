package dev.veltrix.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tables one capability owns, migrated by Flyway from {@code classpath:db/<name>} with a history
 * table of its own ({@code veltrix_schema_<name>}), so capabilities add migrations independently.
 */
public record SchemaModule(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,30}");

    public SchemaModule {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema module name must match " + NAME + ", got " + name);
        }
    }

    public String location() {
        return "classpath:db/" + name;
    }

    public String historyTable() {
        return "veltrix_schema_" + name;
    }
}
