package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.HistoryCursor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Reads an account's entries newest first by following their links (see the V2 migration): the entries are kept in
 * the order they were posted, and each names the transfer before it of the same account and currency. One point read
 * per entry, so a page of 50 costs 50 index seeks however long the account's history is.
 */
final class EntryChains {
    private static final String ENTRY = "select currency, delta, prev_transfer from ledger_entries where transfer_id = ? and account = ?";

    /** One entry of an account, as a walk meets it. */
    record Entry(String transferId, String currency, long delta) {
    }

    /** What a walk found, and where the chains it did not finish go on (empty when every one ended). */
    record Walk(List<Entry> entries, SortedMap<String, String> heads) {
    }

    private EntryChains() {
    }

    /** The newest transfer of each of the account's currencies: where its chains start. */
    static SortedMap<String, String> heads(DSLContext dsl, AccountId account) {
        SortedMap<String, String> heads = new TreeMap<>();
        dsl.select(BAL_CURRENCY, BAL_LAST_TRANSFER).from(BALANCES).where(BAL_ACCOUNT.eq(account.value()))
                .and(BAL_LAST_TRANSFER.isNotNull())
                .forEach(r -> heads.put(r.value1(), r.value2()));
        return heads;
    }

    /**
     * Up to {@code limit} entries from {@code heads} on, newest first across the chains (the newest next transfer of
     * all chains is taken each time). With {@code fromCaller}, a head that is not an entry of the account and currency
     * it is listed under is the caller's mistake (a 400); otherwise it is damage to the books.
     */
    static Walk walk(DSLContext dsl, AccountId account, SortedMap<String, String> heads, int limit, boolean fromCaller) {
        SortedMap<String, String> next = new TreeMap<>(heads);
        List<Entry> entries = new ArrayList<>(Math.min(limit, 256));
        dsl.connection(connection -> {
            try (PreparedStatement read = connection.prepareStatement(ENTRY)) {
                while (entries.size() < limit && !next.isEmpty()) {
                    Map.Entry<String, String> newest = newest(next);
                    String currency = newest.getKey();
                    String transfer = newest.getValue();
                    String prev = read(read, account, currency, transfer, fromCaller, entries);
                    if (prev == null) {
                        next.remove(currency);
                    } else {
                        next.put(currency, prev);
                    }
                }
            }
        });
        return new Walk(entries, next);
    }

    /** Reads one entry into {@code entries}; returns the transfer before it in its chain, or null at the chain's start. */
    private static String read(PreparedStatement read, AccountId account, String currency, String transfer,
                               boolean fromCaller, List<Entry> entries) throws SQLException {
        read.setString(1, transfer);
        read.setString(2, account.value());
        try (ResultSet row = read.executeQuery()) {
            if (!row.next() || !row.getString(1).equals(currency)) {
                if (fromCaller) {
                    throw InvalidInputException.of("cursor", "the cursor does not belong to " + account.value()
                            + "; pass the nextCursor of this account's previous page unchanged, or none for the newest page");
                }
                throw new IllegalStateException("the books link " + account.value() + "'s " + currency + " history to transfer "
                        + transfer + ", which has no entry of that account and currency; run veltrix verify");
            }
            entries.add(new Entry(transfer, currency, row.getLong(2)));
            return row.getString(3);
        }
    }

    private static Map.Entry<String, String> newest(SortedMap<String, String> heads) {
        Map.Entry<String, String> newest = null;
        for (Map.Entry<String, String> head : heads.entrySet()) {
            if (newest == null || head.getValue().compareTo(newest.getValue()) > 0) {
                newest = head;
            }
        }
        return newest;
    }

    /** The chain of one currency, newest first, down to the first entry older than {@code floorTransferId}. */
    static List<Entry> since(DSLContext dsl, AccountId account, String currency, String floorTransferId) {
        String head = heads(dsl, account).get(currency);
        List<Entry> found = new ArrayList<>();
        dsl.connection(connection -> {
            try (PreparedStatement read = connection.prepareStatement(ENTRY)) {
                String transfer = head;
                while (transfer != null && transfer.compareTo(floorTransferId) >= 0) {
                    transfer = read(read, account, currency, transfer, false, found);
                }
            }
        });
        return found;
    }
}
