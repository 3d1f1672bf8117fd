package dev.veltrix.server.api.exchange;

import java.time.Instant;

/**
 * A new order as sent to {@code POST /exchange/{pair}/orders}.
 *
 * @param price     LIMIT orders: quote minor units per base minor unit, a multiple of the tick
 * @param maxTotal  MARKET BUY orders: the most quote minor units to spend
 * @param expiresAt LIMIT orders, optional: when an unfilled remainder is cancelled
 */
record OrderBody(String player, String side, String type, Long price, Long quantity, Long maxTotal, Instant expiresAt) {
}
