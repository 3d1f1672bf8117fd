package dev.veltrix.economy.ledger.sql;

import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.TransferRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The balances one group commit touches, read (and on PostgreSQL and MariaDB locked) at the start
 * of its transaction. Postings are applied to it one after another with the ledger's rules, exactly
 * as if each were its own transaction: a refused posting leaves the book as it was. Each posted transfer is then
 * linked to the one before it of each of its two balances ({@link #link}). At the end the changed rows are
 * written back in one batch, in key order. Hash maps while postings are applied, one sort at the end: ordered maps
 * throughout were a tenth of the writer thread's own (Java) time.
 */
final class BalanceBook {
    private static final long LIMIT = TransferRequest.AMOUNT_MAX;

    private final Map<BalanceKey, BalanceRow> stored;
    private final Map<BalanceKey, Long> current;
    private final Map<BalanceKey, String> lastTransfers;

    /** {@code stored} holds the rows that exist; a key without a row starts at zero, with no transfer. */
    BalanceBook(Map<BalanceKey, BalanceRow> stored) {
        this.stored = Map.copyOf(stored);
        this.current = HashMap.newHashMap(stored.size() + 16);
        this.lastTransfers = HashMap.newHashMap(stored.size() + 16);
        stored.forEach((key, row) -> {
            current.put(key, row.balance());
            lastTransfers.put(key, row.lastTransfer());
        });
    }

    long balance(BalanceKey key) {
        return current.getOrDefault(key, 0L);
    }

    /**
     * Applies all legs or none. Returns null when applied, otherwise the problem type
     * ({@code insufficient-funds} or {@code balance-limit}) and the index of the leg at fault.
     */
    Refusal apply(List<TransferRequest> legs) {
        Map<BalanceKey, Long> scratch = HashMap.newHashMap(legs.size() * 2);
        for (int i = 0; i < legs.size(); i++) {
            TransferRequest leg = legs.get(i);
            BalanceKey from = new BalanceKey(leg.from(), leg.currency());
            BalanceKey to = new BalanceKey(leg.to(), leg.currency());
            long fromBalance = scratch.getOrDefault(from, balance(from));
            long floor = leg.from().mayGoNegative() ? -LIMIT : 0;
            if (fromBalance - leg.amount() < floor) {
                return new Refusal(leg.from().mayGoNegative() ? "balance-limit" : "insufficient-funds", i);
            }
            scratch.put(from, fromBalance - leg.amount());
            long toBalance = scratch.getOrDefault(to, balance(to));
            if (toBalance > LIMIT - leg.amount()) {
                return new Refusal("balance-limit", i);
            }
            scratch.put(to, toBalance + leg.amount());
        }
        current.putAll(scratch);
        return null;
    }

    /**
     * Makes {@code transferId} the newest transfer of a balance the group posted to; returns the one it follows (null
     * for the first). Called for the payer's and the payee's balance of each transfer, in the order they were posted.
     */
    String link(BalanceKey key, String transferId) {
        if (!current.containsKey(key)) {
            throw new IllegalStateException("no posted balance " + key + " to link transfer " + transferId + " to");
        }
        return lastTransfers.put(key, transferId);
    }

    /** Why a posting was refused, and at which leg. */
    record Refusal(String problemType, int leg) {
    }

    /**
     * Changed rows that exist: written with UPDATE, in key order. A row whose amount came back to where it was still
     * changed when the group posted to it (its newest transfer moved).
     */
    Map<BalanceKey, BalanceRow> updates() {
        return rows((key, after) -> stored.containsKey(key) && !stored.get(key).equals(after));
    }

    /** Balances of accounts seen for the first time: written with INSERT, in key order. */
    Map<BalanceKey, BalanceRow> inserts() {
        return rows((key, after) -> !stored.containsKey(key));
    }

    private Map<BalanceKey, BalanceRow> rows(BiPredicate<BalanceKey, BalanceRow> wanted) {
        TreeMap<BalanceKey, BalanceRow> rows = new TreeMap<>();
        current.forEach((key, balance) -> {
            BalanceRow row = new BalanceRow(balance, lastTransfers.get(key));
            if (wanted.test(key, row)) {
                rows.put(key, row);
            }
        });
        return rows;
    }

    static BalanceKey key(AccountId account, String currency) {
        return new BalanceKey(account, currency);
    }
}
