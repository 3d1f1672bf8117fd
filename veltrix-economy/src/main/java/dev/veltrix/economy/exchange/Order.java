package dev.veltrix.economy.exchange;

import java.time.Instant;
import java.util.UUID;

/**
 * An order and its progress.
 *
 * @param seq       its place in the pair's input sequence, which is the book's time priority
 * @param price     LIMIT orders: the worst price accepted; 0 for MARKET orders
 * @param maxTotal  MARKET BUY orders: the most quote units to spend; 0 otherwise
 * @param filled    base units traded so far
 * @param spent     quote units exchanged so far (paid by a buyer, received by a seller before fees)
 * @param expiresAt null for good-till-cancelled
 */
public record Order(UUID id, String pair, long seq, UUID player, OrderSide side, OrderType type, long price,
                    long quantity, long maxTotal, long filled, long spent, OrderStatus status, String clientKey,
                    Instant createdAt, Instant expiresAt) {

    public long remaining() {
        return quantity - filled;
    }

    public Order progressed(long filledNow, long spentNow, OrderStatus next) {
        return new Order(id, pair, seq, player, side, type, price, quantity, maxTotal, filled + filledNow,
                spent + spentNow, next, clientKey, createdAt, expiresAt);
    }

    public Order withStatus(OrderStatus next) {
        return progressed(0, 0, next);
    }
}
