package dev.veltrix.economy.exchange;

/** BUY pays the quote currency for the base currency; SELL gives the base currency for the quote. */
public enum OrderSide {
    BUY, SELL
}
