package dev.veltrix.economy.exchange;

/** Where an order stands. CANCELLED covers a market order's unfilled remainder too. */
public enum OrderStatus {
    OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return this == FILLED || this == CANCELLED || this == EXPIRED;
    }
}
