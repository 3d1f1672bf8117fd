package dev.veltrix.economy.market;

import static dev.veltrix.economy.market.MarketFixture.demandItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.LimitedException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.SqlKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shop's behaviour on SQLite, PostgreSQL and MariaDB, with its money in a real ledger. */
class MarketContractTest {

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aQuoteExecutesOnceAndMovesExactlyItsPrice(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            f.market.define(demandItem("diamond"));
            UUID alice = f.fundedPlayer(10_000);

            Quote quote = f.market.quote("diamond", alice, Side.BUY, 10);
            // ∫[0,10] (100 + q) dq = 1050, plus half of a 2% spread = 1060.5, rounded up against the buyer.
            assertThat(quote.total()).isEqualTo(1061);
            assertThat(quote.priceAfter()).isEqualTo(110);

            TradeResult first = f.market.execute(quote.id());
            TradeResult again = f.market.execute(quote.id());
            assertThat(first.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.trade()).isEqualTo(first.trade());
            assertThat(f.balance(alice)).isEqualTo(10_000 - 1061);
            assertThat(f.balance(MarketService.SHOP)).isEqualTo(1061);
            assertThat(f.market.price("diamond")).isEqualByComparingTo("110");
            assertThat(f.ledger.verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aTradeThePlayerCannotPayForChangesNothing(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            f.market.define(demandItem("diamond"));
            UUID poor = f.fundedPlayer(50);

            assertThatThrownBy(() -> f.market.trade("diamond", poor, Side.BUY, 10, null, "k1"))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("holds less than");

            assertThat(f.balance(poor)).isEqualTo(50);
            assertThat(f.market.price("diamond")).as("pressure restored").isEqualByComparingTo("100");
            assertThat(f.market.recentTrades("diamond", 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aRestartedShopPricesExactlyWhereItLeftOff(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            f.market.define(demandItem("diamond"));
            UUID alice = f.fundedPlayer(100_000);
            f.market.trade("diamond", alice, Side.BUY, 40, null, "a");
            f.clock.advance(Duration.ofMinutes(30));
            f.market.trade("diamond", alice, Side.SELL, 15, null, "b");
            f.clock.advance(Duration.ofMinutes(45));
            BigDecimal before = f.market.price("diamond");
            long quotedBefore = f.market.quote("diamond", alice, Side.BUY, 100).total();

            MarketService restarted = f.open(MarketSettings.DEFAULTS);
            // Pressure is kept to 12 decimals, so rebuilding it from the trades may differ far below a unit.
            assertThat(restarted.price("diamond")).isCloseTo(before, org.assertj.core.data.Offset.offset(new BigDecimal("1e-9")));
            assertThat(restarted.quote("diamond", alice, Side.BUY, 100).total()).isEqualTo(quotedBefore);
            assertThat(before).as("decayed toward base but still above it").isBetween(new BigDecimal("100.01"), new BigDecimal("125"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void limitsNameThemselvesAndWhenTheyReset(SqlKind kind) {
        try (var f = new MarketFixture(kind, new MarketSettings(Duration.ofSeconds(10), 2))) {
            MarketItem base = demandItem("diamond");
            f.market.define(new MarketItem("diamond", base.name(), "coins", PriceModel.DEMAND, 100, new BigDecimal("0.01"),
                    50, 400, 0, 0, 200, 10, 60, 12, 0, true));
            UUID alice = f.fundedPlayer(100_000);

            assertThatThrownBy(() -> f.market.trade("diamond", alice, Side.BUY, 11, null, "too-far"))
                    .isInstanceOfSatisfying(LimitedException.class, e -> {
                        assertThat(e.problemType()).isEqualTo("price-move-limit");
                        assertThat(e.getMessage()).contains("at most 10% per 60-minute window", "at most 10 more");
                        assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
                    });
            f.market.trade("diamond", alice, Side.BUY, 8, null, "d1");
            assertThatThrownBy(() -> f.market.trade("diamond", alice, Side.SELL, 1, null, "d2"))
                    .isInstanceOfSatisfying(LimitedException.class, e -> assertThat(e.problemType()).isEqualTo("trade-rate-limit"));

            f.clock.advance(Duration.ofHours(1));
            f.market.trade("diamond", alice, Side.BUY, 4, null, "d3");
            assertThatThrownBy(() -> f.market.trade("diamond", alice, Side.BUY, 1, null, "d4"))
                    .isInstanceOfSatisfying(LimitedException.class, e -> {
                        assertThat(e.problemType()).isEqualTo("daily-limit");
                        assertThat(e.getMessage()).contains("at most 12 of diamond per UTC day", "0 more allowed");
                        assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void badRequestsSayWhatToFix(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            f.market.define(demandItem("diamond"));
            UUID alice = f.fundedPlayer(1_000);
            assertThatThrownBy(() -> f.market.quote("nope", alice, Side.BUY, 1)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.market.quote("diamond", alice, Side.BUY, 0))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing was traded");
            assertThatThrownBy(() -> f.market.define(new MarketItem("x", "X", "gold", PriceModel.DEMAND, 0,
                    BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 60, 0, 0, true)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(err -> err.field()).contains("currency", "basePrice", "sensitivity"));

            Quote quote = f.market.quote("diamond", alice, Side.BUY, 1);
            f.clock.advance(Duration.ofSeconds(16));
            assertThatThrownBy(() -> f.market.execute(quote.id())).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("expired");
            f.market.trade("diamond", alice, Side.BUY, 1, null, "same-key");
            assertThatThrownBy(() -> f.market.trade("diamond", alice, Side.BUY, 2, null, "same-key"))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("new key");
            assertThat(f.balance(alice)).isEqualTo(1_000 - f.market.recentTrades("diamond", 10).getFirst().total());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void stackedQuotesCannotBuyAtAStalePrice(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            f.market.define(demandItem("diamond"));
            UUID alice = f.fundedPlayer(100_000);
            Quote one = f.market.quote("diamond", alice, Side.BUY, 20);
            Quote two = f.market.quote("diamond", alice, Side.BUY, 20);
            f.market.execute(one.id());
            assertThatThrownBy(() -> f.market.execute(two.id())).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("request a new quote");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void tradesDrawMinuteCandlesThatWidenIntoHours(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            f.market.define(demandItem("diamond"));
            UUID alice = f.fundedPlayer(100_000);
            Instant start = f.clock.instant();
            f.market.trade("diamond", alice, Side.BUY, 10, null, "1");
            f.clock.advance(Duration.ofMinutes(2));
            f.market.trade("diamond", alice, Side.BUY, 10, null, "2");
            f.market.trade("diamond", alice, Side.SELL, 5, null, "3");

            var minutes = f.market.candles("diamond", "1m", start, start.plus(Duration.ofHours(1)));
            assertThat(minutes).hasSize(2);
            assertThat(minutes.get(1).volume()).isEqualTo(15);
            var hours = f.market.candles("diamond", "1h", start, start.plus(Duration.ofHours(1)));
            assertThat(hours).singleElement().satisfies(c -> {
                assertThat(c.open()).isEqualTo(110);
                assertThat(c.high()).isGreaterThan(c.close());
                assertThat(c.volume()).isEqualTo(25);
            });
            assertThatThrownBy(() -> f.market.candles("diamond", "1m", start, start.plus(Duration.ofDays(2))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("1000");
        }
    }
}
