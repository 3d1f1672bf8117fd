package dev.veltrix.economy.market;

import java.time.Instant;
import java.util.UUID;

/**
 * A trade done with the shop, recorded in the transaction that moved its money.
 *
 * @param requestKey {@code quote:<id>} or {@code key:<Idempotency-Key>}: a repeat returns this trade
 * @param priceAfter the marginal unit price the trade left behind, in minor units
 * @param withheld   what sell-price dampening kept back from a seller (0 for buys and undamped sells)
 */
public record Trade(UUID id, String requestKey, String item, UUID player, Side side, long quantity,
                    long total, String currency, long priceAfter, long withheld, Instant at) {
}
