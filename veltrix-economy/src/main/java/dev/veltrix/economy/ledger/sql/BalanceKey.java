package dev.veltrix.economy.ledger.sql;

import dev.veltrix.economy.ledger.AccountId;

/** One balance row: an account's holding of one currency. Ordered, so rows are locked in one order. */
record BalanceKey(AccountId account, String currency) implements Comparable<BalanceKey> {
    @Override
    public int compareTo(BalanceKey other) {
        int byAccount = account.compareTo(other.account);
        return byAccount != 0 ? byAccount : currency.compareTo(other.currency);
    }
}
