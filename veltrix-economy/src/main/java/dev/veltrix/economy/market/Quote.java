package dev.veltrix.economy.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A price for one player to trade a quantity of an item, good until {@code expiresAt}. Executing it
 * trades at the price of that moment, and only if that price is no worse for the player than this.
 *
 * @param total      minor units the player pays (BUY) or receives (SELL) for the whole quantity
 * @param priceAfter the marginal unit price once the trade is done
 */
public record Quote(UUID id, String item, UUID player, Side side, long quantity, long total,
                    BigDecimal unitPrice, long priceAfter, String currency, Instant expiresAt) {
}
