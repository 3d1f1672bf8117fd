package dev.veltrix.server.cli;

import dev.veltrix.ops.backup.Backup;
import dev.veltrix.ops.backup.Manifest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code veltrix backup FILE}: an online, consistent archive of every table, safe to run while the server serves. */
@Command(name = "backup", description = "Write an online, consistent archive of all state (every table, with a manifest of counts, checksums and the "
        + "invariants' summary).")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;
    @Parameters(paramLabel = "FILE", description = "the archive to write, e.g. veltrix-2026-12-01.vxb")
    Path file;

    @Override
    public Integer call() throws Exception {
        try (var database = config.openDatabase(); Connection c = database.dataSource().getConnection()) {
            Manifest manifest = Backup.take(c, database.kind(), file.toAbsolutePath(), Clock.systemUTC(), dev.veltrix.server.VeltrixNode.invariants());
            long rows = manifest.tables().stream().mapToLong(Manifest.Table::rows).sum();
            System.out.println(file + ": " + manifest.tables().size() + " tables, " + rows + " rows, schema " + manifest.schemaVersions()
                    + ", summary " + manifest.summary());
            return 0;
        }
    }
}
