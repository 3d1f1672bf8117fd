package dev.veltrix.commerce.orders;

/** One package in an order, at the unit price the order was placed at (after any sale). */
public record OrderLine(String packageId, String name, int quantity, long unitPrice) {
    public long total() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}
