package dev.veltrix.economy.inflation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The operator's levers against inflation.
 *
 * @param transferTaxBps        tax on player-to-player transfers, paid by the sender to system:tax
 * @param sellDampening         strength k: when the supply grew over the last 7 days by factor g, the
 *                              shop pays sellers g^−k of the curve price (0 = off)
 * @param faucetCapPerDay       most a player may receive per currency per UTC day from system
 *                              accounts through the API (rewards, grants); 0 = no cap
 * @param basket                shop item ids of the price index; empty = every item of the currency
 */
public record EconomyPolicy(int transferTaxBps, BigDecimal sellDampening, long faucetCapPerDay, List<String> basket) {
    public static final EconomyPolicy NONE = new EconomyPolicy(0, BigDecimal.ZERO, 0, List.of());

    public EconomyPolicy {
        basket = List.copyOf(basket);
    }
}
