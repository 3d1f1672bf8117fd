package dev.veltrix.economy.ledger;

/** What one account holds of one currency, in minor units. */
public record Balance(AccountId account, String currency, long amount) {
}
