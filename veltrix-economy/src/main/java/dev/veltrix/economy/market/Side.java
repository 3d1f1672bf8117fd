package dev.veltrix.economy.market;

/** Seen from the player: BUY takes items from the shop and pays, SELL gives items back and is paid. */
public enum Side {
    BUY, SELL;

    /** +1 when the trade raises the shop's pressure (the player buys), −1 when it lowers it. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
