package dev.veltrix.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the benchmarks over the ledger share: the database under test, a ledger with large groups and a
 * coins currency, funded players, group statistics per iteration, and a check that the books balance
 * when the trial ends.
 */
@State(Scope.Benchmark)
public abstract class LedgerBench {
    @Param({"sqlite", "postgres"})
    public String database;

    /** Groups in their transactions at once ({@code ledger.writers}, default 2); SQLite has one writer whatever this says. */
    @Param({"2"})
    public int writers;

    protected Database db;
    protected LedgerService ledger;
    protected final GroupStats stats = new GroupStats();

    /** Opens the database and the ledger; call first from the benchmark's trial setup. */
    protected void openLedger() throws Exception {
        db = BenchDatabases.open(database, 16);
        ledger = new LedgerService(new JooqLedgerStore(db, Clock.systemUTC(), new ObjectMapper()),
                new LedgerSettings(512, 65_536, 60_000, writers), stats);
        ledger.createCurrency(new Currency("coins", "Coins", 0));
    }

    /** Creates and funds players with a billion coins each, in batches; returns them. */
    protected List<UUID> fundPlayers(int count) {
        List<UUID> players = new ArrayList<>(count);
        List<TransferRequest> grants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            players.add(UUID.randomUUID());
            grants.add(new TransferRequest(AccountId.ISSUANCE, AccountId.player(players.getLast()), "coins",
                    1_000_000_000L, null, null));
            if (grants.size() == LedgerService.LEGS_MAX || i == count - 1) {
                ledger.batch(UUID.randomUUID().toString(), grants);
                grants.clear();
            }
        }
        return players;
    }

    /**
     * Fresh tables carry no planner statistics until autovacuum gets to them (about a minute); without
     * them PostgreSQL may scan a growing table where it should use its key. Analyse now, as an operator
     * would after a bulk import.
     */
    protected void analyse() {
        if (database.equals("postgres")) {
            db.dsl().execute("ANALYZE");
        }
    }

    @Setup(Level.Iteration)
    public void resetStats() {
        stats.reset();
    }

    @TearDown(Level.Iteration)
    public void printStats() {
        System.out.println("  [" + database + "] " + stats.summary());
    }

    @TearDown(Level.Trial)
    public void close() {
        List<String> violations = ledger.verify();
        ledger.close();
        db.close();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the books do not balance after the run: " + violations);
        }
    }
}
