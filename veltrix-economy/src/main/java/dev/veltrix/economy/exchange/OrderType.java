package dev.veltrix.economy.exchange;

/**
 * LIMIT rests in the book at its price until filled, cancelled or expired; MARKET takes what the
 * book offers at once (a buy up to its {@code maxTotal}) and any remainder is cancelled.
 */
public enum OrderType {
    LIMIT, MARKET
}
