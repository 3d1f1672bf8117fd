package dev.veltrix.economy.market;

import dev.veltrix.core.error.LimitedException;
import dev.veltrix.core.error.RejectedException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Prices a trade against an item's live state, and refuses what the item's rules forbid: selling
 * what the shop does not buy back, more than its stock or room, a move of the price beyond the
 * window's band. Pure: it reads the book and changes nothing.
 */
final class Pricer {
    // Basis points are 1/10,000 and each side carries half the spread.
    private static final BigDecimal HALF_SPREAD_DIVISOR = BigDecimal.valueOf(20_000);

    private Pricer() {
    }

    /** A priced trade: what the player pays or gets, and the marginal price it leaves behind. */
    record Priced(long total, BigDecimal unitPrice, long priceAfter, long withheld) {
    }

    static Priced price(ItemBook book, Side side, long quantity, BigDecimal dampening, Instant now) {
        MarketItem item = book.item;
        if (side == Side.SELL && !item.buysBack()) {
            throw new RejectedException("not-bought-back", "the shop sells " + item.id() + " but does not buy it back");
        }
        checkStock(book, side, quantity);
        BigDecimal before = book.pressure;
        BigDecimal after = book.after(side, quantity);
        PriceCurve curve = item.curve();
        BigDecimal afterPrice = curve.price(after);
        checkBand(book, side, afterPrice, now);
        BigDecimal raw = side == Side.BUY ? curve.integral(before, after) : curve.integral(after, before);
        BigDecimal halfSpread = BigDecimal.valueOf(item.spreadBps()).divide(HALF_SPREAD_DIVISOR, MathContext.DECIMAL128);
        long total;
        long withheld = 0;
        if (side == Side.BUY) {
            total = raw.multiply(BigDecimal.ONE.add(halfSpread)).setScale(0, RoundingMode.CEILING).longValueExact();
        } else {
            BigDecimal undamped = raw.multiply(BigDecimal.ONE.subtract(halfSpread));
            total = undamped.multiply(dampening).setScale(0, RoundingMode.FLOOR).longValueExact();
            withheld = undamped.setScale(0, RoundingMode.FLOOR).longValueExact() - total;
            if (total < 1) {
                throw new RejectedException("worthless", "the shop would pay nothing for " + quantity + " "
                        + item.id() + " at the current price; sell more at once or not at all");
            }
        }
        BigDecimal unit = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_EVEN);
        return new Priced(total, unit, afterPrice.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), withheld);
    }

    private static void checkStock(ItemBook book, Side side, long quantity) {
        MarketItem item = book.item;
        if (item.model() != PriceModel.STOCK) {
            return;
        }
        long held = item.stock() - book.pressure.setScale(0, RoundingMode.CEILING).longValue();
        if (side == Side.BUY && quantity > held) {
            throw new RejectedException("out-of-stock", "the shop holds " + Math.max(0, held) + " of " + item.id()
                    + "; buy at most that many, or wait for it to restock");
        }
        long room = 2 * item.stock() - Math.max(0, held);
        if (side == Side.SELL && quantity > room) {
            throw new RejectedException("shop-full", "the shop has room for " + Math.max(0, room) + " more "
                    + item.id() + "; sell at most that many");
        }
    }

    private static void checkBand(ItemBook book, Side side, BigDecimal afterPrice, Instant now) {
        BigDecimal[] band = book.band();
        if (band == null || (afterPrice.compareTo(band[0]) >= 0 && afterPrice.compareTo(band[1]) <= 0)) {
            return;
        }
        MarketItem item = book.item;
        long room = book.roomInBand(side);
        throw new LimitedException("price-move-limit", "the price of " + item.id() + " may move at most "
                + item.maxMovePercent() + "% per " + item.windowMinutes() + "-minute window (it opened at "
                + book.windowOpen.setScale(0, RoundingMode.HALF_EVEN) + "); at most " + room + " more can be "
                + (side == Side.BUY ? "bought" : "sold") + " before the window resets at " + book.windowEnd(),
                book.windowEnd(), now);
    }
}
