package dev.veltrix.economy.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.core.error.VeltrixException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The shop's pricing cannot be farmed: no sequence of one player's trades returns a profit. */
class MarketPricingProperties {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<MarketItem> items() {
        Arbitrary<PriceModel> model = Arbitraries.of(PriceModel.values());
        Arbitrary<Long> base = Arbitraries.longs().between(1, 1_000_000);
        Arbitrary<BigDecimal> sensitivity = Arbitraries.bigDecimals().between(new BigDecimal("0.00001"), BigDecimal.ONE).ofScale(5);
        Arbitrary<Integer> floorPercent = Arbitraries.integers().between(0, 100);
        Arbitrary<Integer> ceilingPercent = Arbitraries.integers().between(100, 1_000);
        Arbitrary<Integer> halfLife = Arbitraries.of(0, 1, 60, 1_440);
        Arbitrary<Integer> spread = Arbitraries.integers().between(0, 2_000);
        return Combinators.combine(model, base, sensitivity, floorPercent, ceilingPercent, halfLife, spread)
                .as((m, b, s, f, c, h, sp) -> new MarketItem("item", "Item", "coins", m, b, s, b * f / 100,
                        b * c / 100, 1_000_000, h, sp, 0, 60, 0, 0, true));
    }

    @Property
    void buyingAndSellingStraightBackNeverMakesMoney(@ForAll("items") MarketItem item,
                                                     @ForAll @LongRange(min = -5_000, max = 5_000) long pressure,
                                                     @ForAll @LongRange(min = 1, max = 10_000) long quantity) {
        ItemBook book = new ItemBook(item, BigDecimal.valueOf(pressure), START);
        long paid = trade(book, Side.BUY, quantity, START);
        long got = trade(book, Side.SELL, quantity, START);
        assertThat(got).as("sold back for no more than it cost").isLessThanOrEqualTo(paid);
    }

    /**
     * From a market at rest, waiting between one's own trades does not help either: the drift back
     * to base always runs against the pressure the player created. (Buying what others pushed below
     * base and selling after it recovers can profit; that is trading, not a loop.)
     */
    @Property
    void anyRoundTripOfOnePlayersTradesEndsInALoss(@ForAll("items") MarketItem item,
                                                  @ForAll @Size(min = 1, max = 12) List<@LongRange(min = -500, max = 500) Long> moves,
                                                  @ForAll @IntRange(min = 0, max = 3_600) int secondsBetween) {
        ItemBook book = new ItemBook(item, BigDecimal.ZERO, START);
        long cash = 0;
        long held = 0;
        Instant now = START;
        for (long move : moves) {
            if (move == 0 || held + move < 0) {
                continue; // a player cannot sell what they do not hold
            }
            Side side = move > 0 ? Side.BUY : Side.SELL;
            long amount = trade(book, side, Math.abs(move), now);
            if (amount < 0) {
                continue; // refused, like a worthless sale
            }
            cash += side == Side.BUY ? -amount : amount;
            held += move;
            now = now.plusSeconds(secondsBetween);
        }
        if (held > 0) {
            long amount = trade(book, Side.SELL, held, now);
            cash += Math.max(0, amount);
        }
        assertThat(cash).as("net cash after returning every unit bought").isLessThanOrEqualTo(0);
    }

    @Property
    void aTradePricesTheWholeQuantityNotItsFirstUnit(@ForAll("items") MarketItem item,
                                                    @ForAll @LongRange(min = 2, max = 1_000) long quantity) {
        ItemBook book = new ItemBook(item, BigDecimal.ZERO, START);
        BigDecimal first = item.curve().price(BigDecimal.ZERO);
        BigDecimal last = item.curve().price(BigDecimal.valueOf(quantity));
        long paid = trade(book, Side.BUY, quantity, START);
        assertThat(BigDecimal.valueOf(paid)).as("at least the integral at the first unit's price")
                .isGreaterThanOrEqualTo(first.multiply(BigDecimal.valueOf(quantity)).setScale(0, java.math.RoundingMode.FLOOR));
        BigDecimal ceiling = last.multiply(BigDecimal.valueOf(quantity))
                .multiply(BigDecimal.ONE.add(BigDecimal.valueOf(item.spreadBps()).movePointLeft(4))).add(BigDecimal.ONE);
        assertThat(BigDecimal.valueOf(paid)).as("at most every unit at the last unit's price").isLessThanOrEqualTo(ceiling);
    }

    /** The amount the trade pays or is paid, applied to the book; −1 when the shop refuses it. */
    private static long trade(ItemBook book, Side side, long quantity, Instant at) {
        book.advance(at);
        try {
            Pricer.Priced priced = Pricer.price(book, side, quantity, BigDecimal.ONE, at);
            book.apply(side, quantity);
            return priced.total();
        } catch (VeltrixException refused) {
            return -1;
        }
    }

    @Property(tries = 200)
    void pressureDecaysTowardBase(@ForAll @LongRange(min = 1, max = 100_000) long units,
                                  @ForAll @IntRange(min = 1, max = 1_440) int halfLifeMinutes) {
        BigDecimal start = BigDecimal.valueOf(units);
        BigDecimal afterOne = Pressure.decayed(start, START, START.plus(Duration.ofMinutes(halfLifeMinutes)), halfLifeMinutes);
        assertThat(afterOne.doubleValue()).isCloseTo(units / 2.0, org.assertj.core.data.Offset.offset(units * 1e-9));
    }
}
