package dev.veltrix.economy.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A ledger service on a fresh database of one kind, with a currency and helpers for tests. */
final class LedgerFixture implements AutoCloseable {
    final TestDatabases.IsolatedDatabase db;
    final LedgerService ledger;

    LedgerFixture(SqlKind kind, LedgerSettings settings) {
        this.db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA));
        this.ledger = new LedgerService(new JooqLedgerStore(db.database(), Clock.systemUTC(), new ObjectMapper()),
                settings, LedgerObserver.NONE);
        ledger.createCurrency(new Currency("coins", "Coins", 0));
    }

    LedgerFixture(SqlKind kind) {
        this(kind, LedgerSettings.DEFAULTS);
    }

    static AccountId player() {
        return AccountId.player(UUID.randomUUID());
    }

    static TransferRequest move(AccountId from, AccountId to, long amount) {
        return new TransferRequest(from, to, "coins", amount, null, null);
    }

    PostResult issue(AccountId to, long amount) {
        return ledger.transfer(UUID.randomUUID().toString(), move(AccountId.ISSUANCE, to, amount));
    }

    long balance(AccountId account) {
        return ledger.balances(account).stream().filter(b -> b.currency().equals("coins"))
                .mapToLong(Balance::amount).findFirst().orElse(0);
    }

    @Override
    public void close() {
        ledger.close();
        db.close();
    }
}
