package dev.veltrix.server.cli;

import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code veltrix verify}: checks the invariants of the books; exit code 1 when one is broken. */
@Command(name = "verify", description = "Check invariants: every currency sums to zero, balances match entries, "
        + "no player below zero. Exits 1 when one is broken.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;
    @picocli.CommandLine.Option(names = "--archive", paramLabel = "FILE", description = "check a backup archive instead: its checksums and "
            + "counts against its manifest, then the same invariants after restoring it into a scratch database")
    java.nio.file.Path archive;

    @Override
    public Integer call() throws java.io.IOException {
        if (archive != null) {
            dev.veltrix.ops.backup.Manifest manifest = dev.veltrix.ops.backup.Restore.check(archive);
            var problems = dev.veltrix.ops.backup.RestoreDrill.run(archive, dev.veltrix.server.VeltrixNode.schemas(),
                    restored -> new JooqLedgerStore(restored, Clock.systemUTC(), dev.veltrix.server.http.Json.mapper()).verify());
            if (problems.isEmpty()) {
                System.out.println(archive + ": OK (" + manifest.tables().size() + " tables match the manifest, restored whole; every currency "
                        + "sums to zero; balances match their entries)");
                return 0;
            }
            problems.forEach(p -> System.out.println(archive + ": BROKEN " + p));
            return 1;
        }
        try (var database = config.openDatabase()) {
            var violations = new JooqLedgerStore(database, Clock.systemUTC(), dev.veltrix.server.http.Json.mapper()).verify();
            if (violations.isEmpty()) {
                System.out.println("ledger: OK (every currency sums to zero; balances match their entries)");
                return 0;
            }
            violations.forEach(v -> System.out.println("ledger: BROKEN " + v));
            return 1;
        }
    }
}
