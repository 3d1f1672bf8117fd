package dev.veltrix.economy.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Balance;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.economy.market.sql.JooqMarketStore;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shop over a real ledger on a fresh database of one kind, on a clock the test moves. */
public final class MarketFixture implements AutoCloseable {
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final TestDatabases.IsolatedDatabase db;
    public final LedgerService ledger;
    public MarketService market;

    public MarketFixture(SqlKind kind, MarketSettings settings) {
        db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, JooqMarketStore.SCHEMA));
        ledger = new LedgerService(new JooqLedgerStore(db.database(), clock, new ObjectMapper()),
                LedgerSettings.DEFAULTS, LedgerObserver.NONE);
        ledger.createCurrency(new Currency("coins", "Coins", 0));
        market = open(settings);
    }

    /** A new service over the same database: what a restarted node sees. */
    public MarketService open(MarketSettings settings) {
        return open(settings, SellDampening.NONE);
    }

    public MarketService open(MarketSettings settings, SellDampening dampening) {
        return new MarketService(new JooqMarketStore(db.database(), clock), ledger, clock, settings, dampening);
    }

    public static MarketItem demandItem(String id) {
        return new MarketItem(id, "Diamond", "coins", PriceModel.DEMAND, 100, new BigDecimal("0.01"), 50, 400, 0,
                60, 200, 0, 60, 0, 0, true);
    }

    public UUID fundedPlayer(long coins) {
        UUID player = UUID.randomUUID();
        ledger.transfer(UUID.randomUUID().toString(),
                new TransferRequest(AccountId.ISSUANCE, AccountId.player(player), "coins", coins, null, null));
        return player;
    }

    public long balance(AccountId account) {
        return ledger.balances(account).stream().filter(b -> b.currency().equals("coins"))
                .mapToLong(Balance::amount).findFirst().orElse(0);
    }

    public long balance(UUID player) {
        return balance(AccountId.player(player));
    }

    @Override
    public void close() {
        ledger.close();
        db.close();
    }
}
