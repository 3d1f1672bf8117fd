package dev.veltrix.economy.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Price-time priority, partial fills, market budgets and cancels in the bare engine. */
class MatchingEngineTest {
    private final MatchingEngine engine = new MatchingEngine();
    private final List<long[]> fills = new ArrayList<>();

    private MatchingEngine.Placed limit(long seq, OrderSide side, long price, long quantity) {
        return engine.place(seq, side, OrderType.LIMIT, price, quantity, 0, 1_000,
                (maker, p, q, done) -> fills.add(new long[] {maker, p, q, done ? 1 : 0}));
    }

    @Test
    void theBestPriceTradesFirstAndAtOnePriceTheOldest() {
        limit(1, OrderSide.SELL, 105, 5);
        limit(2, OrderSide.SELL, 100, 5);
        limit(3, OrderSide.SELL, 100, 5);
        var placed = limit(4, OrderSide.BUY, 105, 12);

        assertThat(fills).extracting(f -> f[0]).containsExactly(2L, 3L, 1L);
        assertThat(fills).extracting(f -> f[1]).as("always at the maker's price").containsExactly(100L, 100L, 105L);
        assertThat(placed.filled()).isEqualTo(12);
        assertThat(placed.notional()).isEqualTo(5 * 100 + 5 * 100 + 2 * 105);
        assertThat(engine.remaining(1)).as("the partly filled maker keeps its place").isEqualTo(3);
        assertThat(engine.bestAsk()).isEqualTo(105);
    }

    @Test
    void aLimitOrderRestsWhatItCannotFillAndACancelTakesItOut() {
        limit(1, OrderSide.SELL, 110, 4);
        var placed = limit(2, OrderSide.BUY, 100, 10);
        assertThat(placed.filled()).isZero();
        assertThat(placed.resting()).isEqualTo(10);
        assertThat(engine.bestBid()).isEqualTo(100);
        assertThat(engine.depth(OrderSide.BUY, 5)).containsExactly(new MatchingEngine.Level(100, 10, 1));

        assertThat(engine.cancel(2)).isEqualTo(10);
        assertThat(engine.cancel(2)).as("gone").isEqualTo(-1);
        assertThat(engine.bestBid()).isNull();
    }

    @Test
    void aMarketBuyStopsAtItsBudgetAndNeverRests() {
        limit(1, OrderSide.SELL, 100, 5);
        limit(2, OrderSide.SELL, 200, 5);
        var placed = engine.place(3, OrderSide.BUY, OrderType.MARKET, 0, 10, 900, 1_000,
                (maker, p, q, done) -> fills.add(new long[] {maker, p, q}));
        assertThat(placed.filled()).as("500 buys 5 at 100, the 400 left buys 2 at 200").isEqualTo(7);
        assertThat(placed.notional()).isEqualTo(900);
        assertThat(placed.resting()).isZero();
        assertThat(engine.restingCount()).isEqualTo(1);
    }

    @Test
    void aLimitOrderStoppedAtTheFillCapDoesNotRestAcrossTheBook() {
        for (int i = 1; i <= 5; i++) {
            limit(i, OrderSide.SELL, 100, 1);
        }
        var placed = engine.place(9, OrderSide.BUY, OrderType.LIMIT, 100, 5, 0, 3, (m, p, q, d) -> { });
        assertThat(placed.filled()).isEqualTo(3);
        assertThat(placed.capped()).isTrue();
        assertThat(placed.resting()).isZero();
        assertThat(engine.bestBid()).isNull();
        assertThat(engine.bestAsk()).isEqualTo(100);
    }
}
