package dev.veltrix.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The ledger the benchmarks run against: large groups, a coins currency, funded players. */
final class BenchLedger {
    private BenchLedger() {
    }

    static LedgerService open(Database db, LedgerObserver observer) {
        LedgerService ledger = new LedgerService(new JooqLedgerStore(db, Clock.systemUTC(), new ObjectMapper()),
                new LedgerSettings(512, 65_536, 60_000), observer);
        ledger.createCurrency(new Currency("coins", "Coins", 0));
        return ledger;
    }

    /** Creates and funds players with a billion coins each, in batches; returns them. */
    static List<UUID> fundPlayers(LedgerService ledger, int count) {
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
    static void analyse(Database db, String database) {
        if (database.equals("postgres")) {
            db.dsl().execute("ANALYZE");
        }
    }
}
