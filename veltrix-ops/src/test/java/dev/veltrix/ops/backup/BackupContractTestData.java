package dev.veltrix.ops.backup;

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
import java.util.Map;
import java.util.UUID;

/** What the backup tests back up: the real ledger with a small economy in it. */
final class BackupContractTestData {
    static final UUID[] PLAYERS = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    /** The coins the players hold after {@link #fill}: 10 + i for every even i below 60. */
    static final long COINS = java.util.stream.LongStream.range(0, 60).filter(i -> i % 2 == 0).map(i -> 10 + i).sum();

    private BackupContractTestData() {
    }

    static LedgerService ledger(Database database) {
        return new LedgerService(new JooqLedgerStore(database, Clock.systemUTC(), new ObjectMapper()), LedgerSettings.DEFAULTS, LedgerObserver.NONE);
    }

    /** A small economy: two currencies, sixty transfers between three players. */
    static void fill(Database database) {
        LedgerService ledger = ledger(database);
        try {
            ledger.createCurrency(new Currency("coins", "Coins", 0));
            ledger.createCurrency(new Currency("gems", "Gems", 2));
            for (int i = 0; i < 60; i++) {
                AccountId to = AccountId.player(PLAYERS[i % 3]);
                ledger.transfer("fill-" + i, new TransferRequest(new AccountId("system:issuance"), to, i % 2 == 0 ? "coins" : "gems", 10 + i,
                        "test", Map.of()));
            }
        } finally {
            ledger.close();
        }
    }
}
