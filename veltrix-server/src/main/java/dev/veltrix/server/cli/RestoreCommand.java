package dev.veltrix.server.cli;

import dev.veltrix.ops.backup.Restore;
import dev.veltrix.ops.backup.RestoreCheck;
import dev.veltrix.server.VeltrixNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code veltrix restore FILE}: an archive into the configured database, which must be empty (any kind: a backup of
 * the embedded default restores into PostgreSQL). The archive is checked whole before anything is written; the result
 * is verified after. Exit code 1 when the restored database fails a check.
 */
@Command(name = "restore", description = "Restore an archive into the configured (empty) database of any kind; the archive is checked first, "
        + "the restored database verified after (row counts, the recorded summary, every invariant).")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;
    @Parameters(paramLabel = "FILE", description = "an archive written by veltrix backup")
    Path file;
    @Option(names = "--force", description = "replace what the database holds")
    boolean force;

    @Override
    public Integer call() throws Exception {
        try (var database = config.openUnmigrated()) {
            Restore.Result result = Restore.into(database, VeltrixNode.schemas(), file, force);
            System.out.println(file + ": restored " + result.rows() + " rows in " + result.manifest().tables().size() + " tables taken at "
                    + result.manifest().takenAt() + " from " + result.manifest().source());
            // Verified where it landed: the counts and summary the backup recorded, and every invariant.
            var invariants = VeltrixNode.invariants();
            return VerifyCommand.report("restored database", RestoreCheck.of(database, result.manifest(), invariants), "row counts and "
                    + result.manifest().summary().size() + " summary figures as recorded; " + invariants.all().size() + " invariants hold");
        }
    }
}
