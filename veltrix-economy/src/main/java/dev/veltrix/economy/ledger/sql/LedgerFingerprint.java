package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The ledger's cross-table rules checked in three sequential scans and constant memory: every transfer has exactly its
 * two entries (debit and credit of its amount, in its currency), every entry belongs to a transfer, and every balance is
 * the sum of its account's entries, and every entry is reached exactly once by the links an account's history is read
 * by (the newest transfer held by its balance row, then each entry's link to the one before it). Each side is reduced to sums of 64-bit hashes weighted by amounts; the sums agree
 * when the two sides hold the same things and disagree otherwise, except with a chance of about 2^-64. Joining ten
 * million entries to their transfers row by row takes SQLite half a minute; this takes seconds, and the joins run only
 * to name what a mismatch found.
 *
 * @param currencies every currency the transfers, entries and balances name
 */
record LedgerFingerprint(boolean entriesMatchTransfers, boolean balancesMatchEntries, boolean linksReachEveryEntry,
                         Set<String> currencies) {
    private static final int FETCH_SIZE = 10_000;

    static LedgerFingerprint of(DSLContext dsl) {
        try {
            return read(dsl);
        } catch (SQLException e) {
            throw new DataAccessException("the ledger could not be read: " + e.getMessage(), e);
        }
    }

    /** Rows straight from the driver: ten million jOOQ records would cost more than the reading. */
    private static ResultSet scan(org.jooq.ResultQuery<?> query) {
        return query.fetchSize(FETCH_SIZE).fetchResultSet();
    }

    private static LedgerFingerprint read(DSLContext dsl) throws SQLException {
        Set<String> currencies = new TreeSet<>();
        long pairs = 0;
        long amounts = 0;
        try (ResultSet rows = scan(dsl.select(TR_ID, TR_CURRENCY, TR_AMOUNT).from(TRANSFERS))) {
            while (rows.next()) {
                String currency = rows.getString(2);
                long h = hash(rows.getString(1), currency);
                pairs += 2 * h;
                amounts += 2 * h * rows.getLong(3);
                currencies.add(currency);
            }
        }
        long entries = 0;
        long magnitudes = 0;
        long cancelled = 0;
        long perAccount = 0;
        long members = 0; // every entry, as its chain sees it: (transfer, account) in a currency
        long links = 0; // every link to an entry: from the entry after it, or from its balance row
        long starts = 0;
        long heads = 0;
        try (ResultSet rows = scan(dsl.select(EN_ACCOUNT, EN_TRANSFER, EN_CURRENCY, EN_DELTA, EN_PREV).from(ENTRIES))) {
            while (rows.next()) {
                String currency = rows.getString(3);
                long h = hash(rows.getString(2), currency);
                long delta = rows.getLong(4);
                entries += h;
                magnitudes += h * Math.abs(delta);
                cancelled += h * delta; // a transfer's debit and credit cancel
                perAccount += hash(rows.getString(1), currency) * delta;
                members += hash(rows.getString(2) + '/' + rows.getString(1), currency);
                String prev = rows.getString(5);
                if (prev == null) {
                    starts++;
                } else {
                    links += hash(prev + '/' + rows.getString(1), currency);
                }
                currencies.add(currency);
            }
        }
        long balances = 0;
        try (ResultSet rows = scan(dsl.select(BAL_ACCOUNT, BAL_CURRENCY, BAL_AMOUNT, BAL_LAST_TRANSFER).from(BALANCES))) {
            while (rows.next()) {
                String currency = rows.getString(2);
                balances += hash(rows.getString(1), currency) * rows.getLong(3);
                String last = rows.getString(4);
                if (last != null) {
                    heads++;
                    links += hash(last + '/' + rows.getString(1), currency);
                }
                currencies.add(currency);
            }
        }
        return new LedgerFingerprint(entries == pairs && magnitudes == amounts && cancelled == 0, balances == perAccount,
                members == links && starts == heads, currencies);
    }

    /** FNV-1a over both strings, then a 64-bit finaliser (from SplitMix64) so similar keys land far apart. */
    static long hash(String key, String currency) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ '/') * 0x100000001b3L;
        for (int i = 0; i < currency.length(); i++) {
            h = (h ^ currency.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
