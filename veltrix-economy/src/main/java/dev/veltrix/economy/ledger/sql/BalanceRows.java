package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.BALANCES;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_ACCOUNT;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_AMOUNT;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_CURRENCY;

import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.storage.RowInserter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Reads and writes the balance rows of a group commit with a fixed number of statements, whatever
 * the group's size: one locking read per 1,000 accounts, one batch of updates, one multi-row insert.
 * On a networked database that turns two round trips per transfer into a handful per group.
 */
final class BalanceRows {
    private static final int ACCOUNTS_PER_READ = 1_000;

    private BalanceRows() {
    }

    /**
     * The existing rows among {@code keys}. On PostgreSQL and MariaDB they are locked until commit
     * (FOR UPDATE), in account order, so another node cannot change them meanwhile; SQLite's
     * IMMEDIATE transaction already holds the whole database's write lock.
     */
    static Map<BalanceKey, Long> lock(DSLContext tx, Set<BalanceKey> keys) {
        Map<BalanceKey, Long> found = new HashMap<>();
        List<String> accounts = new ArrayList<>(new TreeSet<>(keys.stream().map(k -> k.account().value()).toList()));
        boolean sqlite = tx.dialect().family() == SQLDialect.SQLITE;
        for (int start = 0; start < accounts.size(); start += ACCOUNTS_PER_READ) {
            var select = tx.select(BAL_ACCOUNT, BAL_CURRENCY, BAL_AMOUNT).from(BALANCES)
                    .where(BAL_ACCOUNT.in(accounts.subList(start, Math.min(accounts.size(), start + ACCOUNTS_PER_READ))))
                    .orderBy(BAL_ACCOUNT, BAL_CURRENCY);
            var rows = sqlite ? select.fetch() : select.forUpdate().fetch();
            for (var row : rows) {
                BalanceKey key = new BalanceKey(new AccountId(row.value1()), row.value2());
                if (keys.contains(key)) {
                    found.put(key, row.value3());
                }
            }
        }
        return found;
    }

    /** Writes what the book changed. A racing insert of a new account by another node fails the group, which is then retried. */
    static void save(DSLContext tx, BalanceBook book) {
        Map<BalanceKey, Long> updates = book.updates();
        if (!updates.isEmpty()) {
            BatchBindStep batch = tx.batch(tx.update(BALANCES).set(BAL_AMOUNT, (Long) null)
                    .where(BAL_ACCOUNT.eq((String) null)).and(BAL_CURRENCY.eq((String) null)));
            updates.forEach((key, balance) -> batch.bind(balance, key.account().value(), key.currency()));
            batch.execute();
        }
        RowInserter inserts = new RowInserter(BALANCES, List.of(BAL_ACCOUNT, BAL_CURRENCY, BAL_AMOUNT));
        book.inserts().forEach((key, balance) -> inserts.add(key.account().value(), key.currency(), balance));
        inserts.execute(tx);
    }
}
