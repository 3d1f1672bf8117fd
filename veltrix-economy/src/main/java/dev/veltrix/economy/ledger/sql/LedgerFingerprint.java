package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The ledger's cross-table rules checked in two sequential scans and constant memory: every balance is what its
 * account's transfers add up to (credits less debits), and every transfer is reached exactly once from each of its two
 * balances by the links an account's history is read by (the newest transfer held by the balance row, then each
 * transfer's link to the one before it). Each side is reduced to sums of 64-bit hashes, weighted by amounts where
 * amounts count; the sums agree when the two sides hold the same things and disagree otherwise, except with a chance
 * of about 2^-64. Grouping five million transfers by account in SQL takes SQLite many seconds; this scans each table
 * once, and the queries that name broken rows run only when the sums disagree.
 *
 * @param currencies every currency the transfers and balances name
 */
record LedgerFingerprint(boolean balancesMatchTransfers, boolean linksReachEveryTransfer, Set<String> currencies) {
    private static final int FETCH_SIZE = 10_000;

    static LedgerFingerprint of(DSLContext dsl) {
        try {
            return read(dsl);
        } catch (SQLException e) {
            throw new DataAccessException("the ledger could not be read: " + e.getMessage(), e);
        }
    }

    /** Rows straight from the driver: millions of jOOQ records would cost more than the reading. */
    private static ResultSet scan(org.jooq.ResultQuery<?> query) {
        return query.fetchSize(FETCH_SIZE).fetchResultSet();
    }

    private static LedgerFingerprint read(DSLContext dsl) throws SQLException {
        Set<String> currencies = new TreeSet<>();
        long perAccount = 0; // every transfer as the credit of its payee and the debit of its payer
        long members = 0; // every transfer, once as each of its two accounts' chains sees it
        long links = 0; // every link to a transfer: from the account's transfer after it, or from the balance row
        long starts = 0;
        long heads = 0;
        try (ResultSet rows = scan(dsl.select(TR_ID, TR_FROM, TR_TO, TR_CURRENCY, TR_AMOUNT, TR_PREV_FROM, TR_PREV_TO).from(TRANSFERS))) {
            while (rows.next()) {
                String id = rows.getString(1);
                String from = rows.getString(2);
                String to = rows.getString(3);
                String currency = rows.getString(4);
                long amount = rows.getLong(5);
                perAccount += (hash(to, currency) - hash(from, currency)) * amount;
                members += hash(id, from, currency) + hash(id, to, currency);
                String prevFrom = rows.getString(6);
                String prevTo = rows.getString(7);
                starts += (prevFrom == null ? 1 : 0) + (prevTo == null ? 1 : 0);
                links += (prevFrom == null ? 0 : hash(prevFrom, from, currency)) + (prevTo == null ? 0 : hash(prevTo, to, currency));
                currencies.add(currency);
            }
        }
        long balances = 0;
        try (ResultSet rows = scan(dsl.select(BAL_ACCOUNT, BAL_CURRENCY, BAL_AMOUNT, BAL_LAST_TRANSFER).from(BALANCES))) {
            while (rows.next()) {
                String account = rows.getString(1);
                String currency = rows.getString(2);
                balances += hash(account, currency) * rows.getLong(3);
                String last = rows.getString(4);
                if (last != null) {
                    heads++;
                    links += hash(last, account, currency);
                }
                currencies.add(currency);
            }
        }
        return new LedgerFingerprint(balances == perAccount, members == links && starts == heads, currencies);
    }

    /** FNV-1a over both strings, then a 64-bit finaliser (from SplitMix64) so similar keys land far apart. */
    static long hash(String key, String currency) {
        return finish(fnv(fnv(0xcbf29ce484222325L, key), currency));
    }

    /** The same over three strings (a transfer, one of its accounts, the currency), without joining them. */
    static long hash(String transfer, String account, String currency) {
        return finish(fnv(fnv(fnv(0xcbf29ce484222325L, transfer), account), currency));
    }

    /** Folds {@code text} and a separator into {@code h}, so ("ab", "c") and ("a", "bc") differ. */
    private static long fnv(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ '/') * 0x100000001b3L;
    }

    private static long finish(long h) {
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
