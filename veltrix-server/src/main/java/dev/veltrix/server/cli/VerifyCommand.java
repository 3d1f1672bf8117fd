package dev.veltrix.server.cli;

import dev.veltrix.ops.backup.Manifest;
import dev.veltrix.ops.backup.Restore;
import dev.veltrix.ops.backup.RestoreDrill;
import dev.veltrix.server.VeltrixNode;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.Snapshot;
import dev.veltrix.storage.invariant.Invariants;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veltrix verify}: checks every invariant on the live database or an archive; exit code 1 when one is broken. */
@Command(name = "verify", description = "Check the invariants: every currency sums to zero and balances match entries, no two top-level "
        + "claims overlap, every settled order is delivered or refunded, no treasure rank given twice, references intact. "
        + "Exits 1 when one is broken, printing each failure.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;
    @Option(names = "--archive", paramLabel = "FILE", description = "check a backup archive instead: its checksums and counts against its "
            + "manifest, then, restored into a scratch database, the manifest's summary and every invariant")
    Path archive;

    @Override
    public Integer call() throws IOException, java.sql.SQLException {
        Invariants invariants = VeltrixNode.invariants();
        if (archive != null) {
            Manifest manifest = Restore.manifest(archive); // the drill checks the tables against it as it restores them
            List<String> problems = RestoreDrill.run(archive, VeltrixNode.schemas(), invariants);
            return report(archive.toString(), problems, manifest.tables().size() + " tables match the manifest and restore whole; "
                    + manifest.summary().size() + " summary figures reproduced; " + invariants.all().size() + " invariants hold");
        }
        try (var database = config.openDatabase()) {
            // One snapshot for every check: a network that keeps serving is never seen halfway through a change.
            List<String> problems = Snapshot.read(database, c -> invariants.check(Database.dsl(c, database.kind())));
            return report("database", problems, invariants.all().size() + " invariants hold");
        }
    }

    /** Prints {@code what: OK (success)}, or each problem as {@code what: BROKEN problem}; the exit code. */
    static int report(String what, List<String> problems, String success) {
        if (problems.isEmpty()) {
            System.out.println(what + ": OK (" + success + ")");
            return 0;
        }
        problems.forEach(p -> System.out.println(what + ": BROKEN " + p));
        return 1;
    }
}
