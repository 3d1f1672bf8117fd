package dev.veltrix.economy.exchange;

import java.time.Instant;
import java.util.UUID;

/**
 * One fill between an incoming (taker) order and a resting (maker) order, at the maker's price.
 *
 * @param seq numbered per pair in matching order, so a replay of the inputs yields the same numbers
 * @param fee taken from what the taker received, in that currency
 */
public record ExchangeTrade(String pair, long seq, long price, long quantity, UUID buyOrder, UUID sellOrder,
                            UUID buyer, UUID seller, OrderSide takerSide, long fee, Instant at) {
}
