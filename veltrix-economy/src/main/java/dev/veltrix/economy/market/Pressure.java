package dev.veltrix.economy.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * An item's pressure: net units players bought from the shop, each unit's weight halving every
 * half-life, so that the price drifts back to base when trading stops. Pressure is state, not
 * money: it is kept to 12 decimal places and only the prices derived from it become minor units.
 */
final class Pressure {
    private static final int SCALE = 12;

    private Pressure() {
    }

    /** The factor a unit's weight is multiplied by over {@code elapsed}: 2^(−elapsed / halfLife). */
    static BigDecimal decay(Duration elapsed, int halfLifeMinutes) {
        if (halfLifeMinutes == 0 || elapsed.isNegative() || elapsed.isZero()) {
            return BigDecimal.ONE;
        }
        double halfLives = elapsed.toMillis() / (halfLifeMinutes * 60_000.0);
        return BigDecimal.valueOf(Math.pow(2, -halfLives)).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal decayed(BigDecimal pressure, Instant from, Instant to, int halfLifeMinutes) {
        if (pressure.signum() == 0) {
            return pressure;
        }
        return pressure.multiply(decay(Duration.between(from, to), halfLifeMinutes)).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** The pressure that a history of trades leaves at {@code now}. */
    static BigDecimal of(Iterable<Trade> trades, Instant now, int halfLifeMinutes) {
        BigDecimal total = BigDecimal.ZERO;
        for (Trade trade : trades) {
            BigDecimal units = BigDecimal.valueOf(trade.side().sign() * trade.quantity());
            total = total.add(units.multiply(decay(Duration.between(trade.at(), now), halfLifeMinutes)));
        }
        return total.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** How far back trades still weigh: 64 half-lives shrink a unit below 10^-19. */
    static Duration memory(int halfLifeMinutes) {
        return halfLifeMinutes == 0 ? null : Duration.ofMinutes(64L * halfLifeMinutes);
    }
}
