package dev.veltrix.economy.market;

import java.math.BigDecimal;

/**
 * An inflation lever: the share of the curve price the shop pays when players sell in a currency,
 * lowered by policy as the money supply grows. {@link #NONE} pays the full price.
 */
@FunctionalInterface
public interface SellDampening {
    SellDampening NONE = currency -> BigDecimal.ONE;

    /** A factor in (0, 1]. */
    BigDecimal factor(String currency);
}
