package dev.veltrix.server;

import dev.veltrix.storage.SchemaModule;

/** The server's own tables: server keys, admins, web sessions, player login codes. */
public final class ServerSchema {
    public static final SchemaModule MODULE = new SchemaModule("server");

    private ServerSchema() {
    }
}
