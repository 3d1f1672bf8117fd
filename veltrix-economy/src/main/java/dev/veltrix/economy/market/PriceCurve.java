package dev.veltrix.economy.market;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The marginal price of one unit as a function of the item's pressure {@code q} (net units the
 * shop has sold to players, decayed): {@code p(q) = clamp(base + k·q, floor, ceiling)} with
 * {@code k = base × sensitivity}. A flat item has {@code k = 0}.
 *
 * <p>A trade of n units is priced by the integral of p over the pressure it moves through, never
 * by its first unit: buying n from pressure q costs {@code ∫[q, q+n] p}, selling n back from q+n
 * yields {@code ∫[q, q+n] p} too, so a round trip gains exactly nothing before the spread, and the
 * spread and rounding (up for the player's payments, down for the shop's) make it a loss.
 * The arithmetic is exact decimal; nothing is rounded until the result is turned into minor units.
 */
public record PriceCurve(long base, BigDecimal sensitivity, long floor, long ceiling) {
    private static final MathContext MATH = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public PriceCurve {
        if (base <= 0 || floor < 0 || floor > base || ceiling < base || sensitivity.signum() < 0) {
            throw new IllegalArgumentException("need 0 <= floor <= base <= ceiling, base > 0 and sensitivity >= 0");
        }
    }

    public static PriceCurve flat(long base) {
        return new PriceCurve(base, BigDecimal.ZERO, base, base);
    }

    private BigDecimal slope() {
        return BigDecimal.valueOf(base).multiply(sensitivity, MATH);
    }

    /** The marginal price at pressure q, in minor units (exact, not rounded). */
    public BigDecimal price(BigDecimal q) {
        BigDecimal raw = BigDecimal.valueOf(base).add(slope().multiply(q, MATH), MATH);
        return raw.max(BigDecimal.valueOf(floor)).min(BigDecimal.valueOf(ceiling));
    }

    /** ∫ p(q) dq from a to b, a ≤ b: the price of moving the pressure from a to b. */
    public BigDecimal integral(BigDecimal a, BigDecimal b) {
        if (a.compareTo(b) > 0) {
            throw new IllegalArgumentException("integrate from the lower bound: " + a + " > " + b);
        }
        BigDecimal k = slope();
        if (k.signum() == 0) {
            return BigDecimal.valueOf(base).multiply(b.subtract(a, MATH), MATH);
        }
        BigDecimal low = BigDecimal.valueOf(floor - base).divide(k, MATH);
        BigDecimal high = BigDecimal.valueOf(ceiling - base).divide(k, MATH);
        BigDecimal total = BigDecimal.valueOf(floor).multiply(overlap(a, b, null, low), MATH);
        total = total.add(BigDecimal.valueOf(ceiling).multiply(overlap(a, b, high, null), MATH), MATH);
        BigDecimal x = a.max(low);
        BigDecimal y = b.min(high);
        if (x.compareTo(y) < 0) {
            // ∫[x, y] (base + k·q) dq = (y − x)·(base + k·(x + y)/2)
            BigDecimal mid = BigDecimal.valueOf(base).add(k.multiply(x.add(y, MATH), MATH).divide(TWO, MATH), MATH);
            total = total.add(y.subtract(x, MATH).multiply(mid, MATH), MATH);
        }
        return total;
    }

    /** The pressure at which the marginal price reaches {@code price}, or null when the curve is flat. */
    public BigDecimal pressureAt(BigDecimal price) {
        BigDecimal k = slope();
        return k.signum() == 0 ? null : price.subtract(BigDecimal.valueOf(base), MATH).divide(k, MATH);
    }

    /** Length of [a, b] ∩ [from, to], with null meaning unbounded. */
    private static BigDecimal overlap(BigDecimal a, BigDecimal b, BigDecimal from, BigDecimal to) {
        BigDecimal x = from == null ? a : a.max(from);
        BigDecimal y = to == null ? b : b.min(to);
        return x.compareTo(y) < 0 ? y.subtract(x, MATH) : BigDecimal.ZERO;
    }
}
