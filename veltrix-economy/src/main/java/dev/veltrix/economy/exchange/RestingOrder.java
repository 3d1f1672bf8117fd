package dev.veltrix.economy.exchange;

/** A limit order resting in the book: its place in the input sequence, side, price and what is left. */
final class RestingOrder {
    final long seq;
    final OrderSide side;
    final long price;
    long remaining;
    PriceLevel level;
    RestingOrder prev;
    RestingOrder next;

    RestingOrder(long seq, OrderSide side, long price, long remaining) {
        this.seq = seq;
        this.side = side;
        this.price = price;
        this.remaining = remaining;
    }
}
