package dev.veltrix.economy.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The live state of one item on this node: its definition, its pressure and the window its price
 * moves are limited within. Guarded by its own monitor, so trades of one item are priced one at a
 * time and trades of different items never wait for each other.
 */
final class ItemBook {
    MarketItem item;
    BigDecimal pressure;
    Instant asOf;
    Instant windowStart;
    BigDecimal windowOpen;

    ItemBook(MarketItem item, BigDecimal pressure, Instant asOf) {
        this.item = item;
        this.pressure = pressure;
        this.asOf = asOf;
        openWindow(asOf);
    }

    /** Decays the pressure to {@code now} and opens a new window when the current one has ended. */
    void advance(Instant now) {
        if (now.isAfter(asOf)) {
            pressure = Pressure.decayed(pressure, asOf, now, item.halfLifeMinutes());
            asOf = now;
        }
        if (!now.isBefore(windowEnd())) {
            openWindow(now);
        }
    }

    private void openWindow(Instant now) {
        long length = Duration.ofMinutes(item.windowMinutes()).toMillis();
        windowStart = Instant.ofEpochMilli(now.toEpochMilli() / length * length);
        windowOpen = item.curve().price(pressure);
    }

    Instant windowEnd() {
        return windowStart.plus(Duration.ofMinutes(item.windowMinutes()));
    }

    /** The pressure a trade of this side and quantity would leave. */
    BigDecimal after(Side side, long quantity) {
        return pressure.add(BigDecimal.valueOf(side.sign() * quantity));
    }

    /** The allowed band of the marginal price in this window, as [lower, upper]; null when unlimited. */
    BigDecimal[] band() {
        if (item.maxMovePercent() == 0) {
            return null;
        }
        BigDecimal move = windowOpen.multiply(BigDecimal.valueOf(item.maxMovePercent()))
                .divide(BigDecimal.valueOf(100), MathContext.DECIMAL128);
        return new BigDecimal[] {windowOpen.subtract(move), windowOpen.add(move)};
    }

    /** Units that can still trade on this side before the price leaves the band (whole units). */
    long roomInBand(Side side) {
        BigDecimal[] band = band();
        PriceCurve curve = item.curve();
        BigDecimal limit = curve.pressureAt(side == Side.BUY ? band[1] : band[0]);
        if (limit == null) {
            return Long.MAX_VALUE;
        }
        BigDecimal room = side == Side.BUY ? limit.subtract(pressure) : pressure.subtract(limit);
        return Math.max(0, room.setScale(0, RoundingMode.FLOOR).longValue());
    }

    void apply(Side side, long quantity) {
        pressure = after(side, quantity);
    }

    /** Takes back a trade applied at {@code appliedAt} whose payment failed. */
    void revert(Side side, long quantity, Instant appliedAt, Instant now) {
        BigDecimal units = BigDecimal.valueOf(side.sign() * quantity);
        advance(now);
        pressure = pressure.subtract(Pressure.decayed(units, appliedAt, now, item.halfLifeMinutes()));
    }
}
