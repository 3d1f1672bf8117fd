package dev.veltrix.progression;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.Database;
import java.time.Clock;

/** The real ledger on a test database, with the game currency progression's tests pay rewards in. */
public final class TestLedgers {
    private TestLedgers() {
    }

    public static LedgerService open(Database database, Clock clock, String currency) {
        LedgerService ledger = new LedgerService(new JooqLedgerStore(database, clock, new ObjectMapper()), LedgerSettings.DEFAULTS, LedgerObserver.NONE);
        ledger.createCurrency(new Currency(currency, Character.toUpperCase(currency.charAt(0)) + currency.substring(1), 0));
        return ledger;
    }
}
