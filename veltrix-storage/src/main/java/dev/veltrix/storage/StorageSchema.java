package dev.veltrix.storage;

/** The tables this module owns: the outbox, its cursors, and leases. */
public final class StorageSchema {
    public static final SchemaModule MODULE = new SchemaModule("storage");

    private StorageSchema() {
    }
}
