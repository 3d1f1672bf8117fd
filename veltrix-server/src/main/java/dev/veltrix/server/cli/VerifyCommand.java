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

    @Override
    public Integer call() {
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
