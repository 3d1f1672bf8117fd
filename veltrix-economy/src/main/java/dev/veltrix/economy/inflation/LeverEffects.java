package dev.veltrix.economy.inflation;

import java.math.BigDecimal;

/**
 * What each policy lever did, so an operator sees its effect and not only its setting.
 *
 * @param taxCollected       transfer tax paid to system:tax over the range
 * @param sellDampening      the share of the curve price the shop pays sellers right now (1 = undamped)
 * @param sellWithheld       what dampening kept back from sellers over the range
 * @param faucetRefused      faucet transfers refused by the daily cap since this node started
 * @param faucetRefusedAmount their total amount
 */
public record LeverEffects(int transferTaxBps, long taxCollected, BigDecimal sellDampeningStrength,
                           BigDecimal sellDampening, long sellWithheld, long faucetCapPerDay, long faucetRefused, long faucetRefusedAmount) {
}
