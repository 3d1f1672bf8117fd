package dev.veltrix.economy.ledger;

/**
 * How much of a currency exists. Because the ledger is double-entry, {@code playerHeld} plus
 * {@code systemNet} is always zero: every coin a player holds was issued by a system account.
 *
 * @param playerHeld sum of all player balances
 * @param holders    players with a positive balance
 * @param systemNet  sum of all system balances (negative when money was issued)
 */
public record Supply(String currency, long playerHeld, long holders, long systemNet) {
}
