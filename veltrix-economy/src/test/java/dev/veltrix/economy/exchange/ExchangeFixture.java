package dev.veltrix.economy.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.exchange.sql.JooqExchangeStore;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Balance;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An exchange with a gems-coins pair over a real ledger on a fresh database of one kind. */
final class ExchangeFixture implements AutoCloseable {
    static final String PAIR = "gems-coins";
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final TestDatabases.IsolatedDatabase db;
    final LedgerService ledger;
    ExchangeService exchange;
    private int keys;

    ExchangeFixture(SqlKind kind, int feeBps) {
        db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, JooqExchangeStore.SCHEMA));
        ledger = new LedgerService(new JooqLedgerStore(db.database(), clock, new ObjectMapper()),
                LedgerSettings.DEFAULTS, LedgerObserver.NONE);
        ledger.createCurrency(new Currency("gems", "Gems", 0));
        ledger.createCurrency(new Currency("coins", "Coins", 0));
        exchange = open();
        exchange.define(new Pair("gems", "coins", 5, 1, feeBps));
    }

    /** A new exchange over the same database: what a restarted node sees. */
    ExchangeService open() {
        return new ExchangeService(new JooqExchangeStore(db.database()), ledger, clock, ExchangeSettings.DEFAULTS);
    }

    void restart() {
        exchange.close();
        exchange = open();
    }

    UUID player(long gems, long coins) {
        UUID player = UUID.randomUUID();
        for (var grant : List.of(new Object[] {"gems", gems}, new Object[] {"coins", coins})) {
            long amount = (long) grant[1];
            if (amount > 0) {
                ledger.transfer(UUID.randomUUID().toString(), new TransferRequest(AccountId.ISSUANCE,
                        AccountId.player(player), (String) grant[0], amount, null, null));
            }
        }
        return player;
    }

    OrderResult limit(UUID player, OrderSide side, long price, long quantity) {
        return exchange.place(PAIR, new OrderRequest(player, side, OrderType.LIMIT, price, quantity, 0, null, "key-" + ++keys));
    }

    long balance(AccountId account, String currency) {
        return ledger.balances(account).stream().filter(b -> b.currency().equals(currency))
                .mapToLong(Balance::amount).findFirst().orElse(0);
    }

    long balance(UUID player, String currency) {
        return balance(AccountId.player(player), currency);
    }

    /** The escrow account holds exactly what open orders commit, currency by currency. */
    void assertEscrowMatchesOpenOrders() {
        var committed = exchange.committed();
        for (String currency : List.of("gems", "coins")) {
            org.assertj.core.api.Assertions.assertThat(balance(PairBook.ESCROW, currency))
                    .as("escrowed %s", currency).isEqualTo(committed.getOrDefault(currency, 0L));
        }
    }

    @Override
    public void close() {
        exchange.close();
        ledger.close();
        db.close();
    }
}
