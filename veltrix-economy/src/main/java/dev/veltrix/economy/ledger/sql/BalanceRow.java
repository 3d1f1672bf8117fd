package dev.veltrix.economy.ledger.sql;

/**
 * What a balance row holds: the amount, and the newest transfer of its account and currency (null before the first),
 * where that account's history in the currency starts when read newest first.
 */
record BalanceRow(long balance, String lastTransfer) {
}
