package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.BALANCES;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_ACCOUNT;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_AMOUNT;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_CURRENCY;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_LAST_TRANSFER;

import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.storage.ArrayProbe;
import dev.veltrix.storage.BatchUpdate;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SelectIn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Reads and writes the balance rows of a group commit with a fixed number of statements, whatever
 * the group's size: one locking read per 1,000 accounts (fixed text, see {@link SelectIn}), one batch of
 * updates (fixed text, {@link BatchUpdate}), one multi-row insert. On a networked database that turns two round trips per transfer into a
 * handful per group.
 */
final class BalanceRows {
    private BalanceRows() {
    }

    /**
     * The existing rows among {@code keys}. On PostgreSQL and MariaDB they are locked until commit
     * (FOR UPDATE), in account order, so another node cannot change them meanwhile; SQLite's
     * IMMEDIATE transaction already holds the whole database's write lock.
     */
    static Map<BalanceKey, BalanceRow> lock(DSLContext tx, Set<BalanceKey> keys) {
        if (tx.dialect().family() == SQLDialect.POSTGRES) {
            return lockByKey(tx, keys);
        }
        Map<BalanceKey, BalanceRow> found = new HashMap<>();
        List<String> accounts = new ArrayList<>(new TreeSet<>(keys.stream().map(k -> k.account().value()).toList()));
        String locking = tx.dialect().family() == SQLDialect.SQLITE ? "" : " for update";
        SelectIn.forEach(tx, "select account, currency, balance, last_transfer from ledger_balances where account in ", accounts,
                " order by account, currency" + locking, row -> {
                    BalanceKey key = new BalanceKey(new AccountId(row.getString(1)), row.getString(2));
                    if (keys.contains(key)) {
                        found.put(key, new BalanceRow(row.getLong(3), row.getString(4)));
                    }
                });
        return found;
    }

    /**
     * PostgreSQL: one primary-key probe and row lock per key, in key order (see {@link ArrayProbe}). Asked for
     * accounts {@code IN} a list, it scanned and sorted the whole table while that was small: 1.2 ms a group on
     * 10,000 rows, a third of the database's time per group.
     */
    private static Map<BalanceKey, BalanceRow> lockByKey(DSLContext tx, Set<BalanceKey> keys) {
        List<BalanceKey> ordered = new ArrayList<>(new TreeSet<>(keys));
        String[] accounts = new String[ordered.size()];
        String[] currencies = new String[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            accounts[i] = ordered.get(i).account().value();
            currencies[i] = ordered.get(i).currency();
        }
        Map<BalanceKey, BalanceRow> found = new HashMap<>();
        ArrayProbe.forEach(tx, LOCK_BY_KEY, new String[][] {accounts, currencies}, row -> found.put(
                new BalanceKey(new AccountId(row.getString(1)), row.getString(2)), new BalanceRow(row.getLong(3), row.getString(4))));
        return found;
    }

    // The keys come sorted and a nested loop keeps the outer order, so every writer locks rows in one order.
    private static final String LOCK_BY_KEY = "select k.account, k.currency, b.balance, b.last_transfer"
            + " from unnest(?::varchar[], ?::varchar[]) as k(account, currency)"
            + " cross join lateral (select balance, last_transfer from ledger_balances"
            + " where account = k.account and currency = k.currency for update) as b";

    /** Writes what the book changed. A racing insert of a new account by another node fails the group, which is then retried. */
    static void save(DSLContext tx, BalanceBook book) {
        Map<BalanceKey, BalanceRow> updates = book.updates();
        // Fixed text: jOOQ's batch rendered every bound value, a tenth of the writer's samples under load.
        BatchUpdate batch = new BatchUpdate("update ledger_balances set balance = ?, last_transfer = ? where account = ? and currency = ?");
        updates.forEach((key, row) -> batch.add(row.balance(), row.lastTransfer(), key.account().value(), key.currency()));
        batch.execute(tx);
        RowInserter inserts = new RowInserter(BALANCES, List.of(BAL_ACCOUNT, BAL_CURRENCY, BAL_AMOUNT, BAL_LAST_TRANSFER));
        book.inserts().forEach((key, row) -> inserts.add(key.account().value(), key.currency(), row.balance(), row.lastTransfer()));
        inserts.execute(tx);
    }
}
