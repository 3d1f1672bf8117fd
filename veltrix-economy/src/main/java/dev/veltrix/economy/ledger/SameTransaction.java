package dev.veltrix.economy.ledger;

/**
 * Rows another economy feature must commit in the very transaction that posts a transfer, so that
 * both land or neither does (a shop trade and its payment, an order and its escrow). The feature's
 * SQL adapter implements it ({@code ledger.sql.SqlEffect}); the ledger passes it through unread and
 * runs it only when the posting is applied for the first time, never on an idempotent replay.
 */
public interface SameTransaction {
}
