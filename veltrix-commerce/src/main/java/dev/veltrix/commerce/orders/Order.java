package dev.veltrix.commerce.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as placed: its lines, what was taken off, what is due, and how it is paid. Amounts are minor units
 * of {@code currency}; {@code total} is what the rail must collect after the coupon and the gift card.
 */
public record Order(UUID id, UUID player, String playerName, String currency, List<OrderLine> lines, long subtotal,
                    long discount, String coupon, String giftCard, long giftCardAmount, long total, Rail rail,
                    OrderStatus status, Instant createdAt, Instant expiresAt, Instant settledAt) {

    public Order {
        lines = List.copyOf(lines);
    }
}
