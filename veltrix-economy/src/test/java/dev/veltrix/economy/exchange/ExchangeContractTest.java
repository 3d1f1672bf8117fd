package dev.veltrix.economy.exchange;

import static dev.veltrix.economy.exchange.ExchangeFixture.PAIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.ForbiddenException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.storage.SqlKind;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exchange on SQLite, PostgreSQL and MariaDB, with every coin and gem in a real ledger. */
class ExchangeContractTest {

    /** The pair's thread sweeps expiries every 200 ms; give it a few rounds. */
    private static void eventually(Runnable assertion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void crossingOrdersSettleAtTheMakersPriceAndRefundTheImprovement(SqlKind kind) {
        try (var f = new ExchangeFixture(kind, 100)) {
            UUID seller = f.player(50, 0);
            UUID buyer = f.player(0, 10_000);
            Order ask = f.limit(seller, OrderSide.SELL, 100, 30).order();
            assertThat(ask.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(f.balance(seller, "gems")).as("escrowed").isEqualTo(20);

            Order bid = f.limit(buyer, OrderSide.BUY, 110, 40).order();
            assertThat(bid.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(bid.filled()).isEqualTo(30);
            // Buyer escrowed 40 × 110, paid 30 × 100 and got 30 × 10 back; 10 × 110 stays escrowed.
            assertThat(f.balance(buyer, "coins")).isEqualTo(10_000 - 3_000 - 1_100);
            assertThat(f.balance(buyer, "gems")).as("30 less the 1% taker fee").isEqualTo(30 - 0);
            assertThat(f.balance(seller, "coins")).isEqualTo(3_000);
            assertThat(f.exchange.order(PAIR, ask.id()).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(f.exchange.trades(PAIR, 10)).singleElement().satisfies(t -> {
                assertThat(t.price()).isEqualTo(100);
                assertThat(t.buyer()).isEqualTo(buyer);
                assertThat(t.takerSide()).isEqualTo(OrderSide.BUY);
            });
            assertThat(f.exchange.book(PAIR, 5).bestBid()).isEqualTo(110);
            f.assertEscrowMatchesOpenOrders();
            assertThat(f.ledger.verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void takerFeesGoToTheSinkAndCancelReleasesExactlyWhatRemains(SqlKind kind) {
        try (var f = new ExchangeFixture(kind, 100)) {
            UUID maker = f.player(0, 100_000);
            UUID taker = f.player(1_000, 0);
            Order bid = f.limit(maker, OrderSide.BUY, 50, 1_000).order();
            Order sold = f.limit(taker, OrderSide.SELL, 50, 400).order();
            assertThat(sold.status()).isEqualTo(OrderStatus.FILLED);
            // 400 × 50 = 20,000 coins, less the 1% fee the taker pays out of what it receives.
            assertThat(f.balance(taker, "coins")).isEqualTo(19_800);
            assertThat(f.balance(AccountId.SINK, "coins")).isEqualTo(200);

            OrderResult cancelled = f.exchange.cancel(PAIR, bid.id(), maker);
            assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(f.balance(maker, "coins")).isEqualTo(100_000 - 20_000);
            assertThat(f.balance(maker, "gems")).isEqualTo(400);
            assertThat(f.exchange.cancel(PAIR, bid.id(), maker).replayed()).as("cancelling twice changes nothing").isTrue();
            f.assertEscrowMatchesOpenOrders();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aRestartRebuildsTheSameBookFromThePersistedInputs(SqlKind kind) {
        try (var f = new ExchangeFixture(kind, 0)) {
            UUID a = f.player(1_000, 100_000);
            UUID b = f.player(1_000, 100_000);
            f.limit(a, OrderSide.BUY, 90, 10);
            f.limit(a, OrderSide.BUY, 95, 10);
            Order ask = f.limit(b, OrderSide.SELL, 105, 20).order();
            f.limit(b, OrderSide.SELL, 95, 5);
            f.limit(b, OrderSide.SELL, 110, 7);
            f.exchange.cancel(PAIR, ask.id(), b);
            f.exchange.place(PAIR, new OrderRequest(a, OrderSide.BUY, OrderType.MARKET, 0, 3, 1_000, null, "m1"));
            BookView before = f.exchange.book(PAIR, 10);

            f.restart();
            BookView after = f.exchange.book(PAIR, 10);
            assertThat(after.bids()).isEqualTo(before.bids());
            assertThat(after.asks()).isEqualTo(before.asks());
            f.assertEscrowMatchesOpenOrders();
            Order next = f.limit(a, OrderSide.BUY, 110, 4).order();
            assertThat(next.seq()).as("sequence continues after the restart").isGreaterThan(7);
            assertThat(next.status()).isEqualTo(OrderStatus.FILLED);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void anOrderEscrowedBeforeACrashIsMatchedAndSettledOnRestart(SqlKind kind) {
        try (var f = new ExchangeFixture(kind, 0)) {
            UUID seller = f.player(10, 0);
            UUID buyer = f.player(0, 5_000);
            f.limit(seller, OrderSide.SELL, 100, 10);
            // What a node does before it dies: the order's escrow and its input row commit, the match does not.
            Order order = new Order(UUID.randomUUID(), PAIR, 2, buyer, OrderSide.BUY, OrderType.LIMIT, 120, 10, 0, 0, 0,
                    OrderStatus.OPEN, "crash", f.clock.instant(), null);
            var escrow = new dev.veltrix.economy.ledger.TransferRequest(AccountId.player(buyer), PairBook.ESCROW, "coins",
                    1_200, null, null);
            f.ledger.post("exchange:gems-coins:order:crash", java.util.List.of(escrow),
                    new dev.veltrix.economy.exchange.sql.JooqExchangeStore(f.db.database()).recordPlace(order));

            f.restart();
            assertThat(f.exchange.order(PAIR, order.id()).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(f.balance(buyer, "gems")).isEqualTo(10);
            assertThat(f.balance(buyer, "coins")).as("paid the maker's 100, not its own 120").isEqualTo(4_000);
            assertThat(f.balance(seller, "coins")).isEqualTo(1_000);
            f.assertEscrowMatchesOpenOrders();
            f.restart();
            assertThat(f.balance(buyer, "coins")).as("a second restart settles nothing twice").isEqualTo(4_000);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void anOrderIsPlacedOncePerKeyAndExpiresOnTime(SqlKind kind) throws InterruptedException {
        try (var f = new ExchangeFixture(kind, 0)) {
            UUID a = f.player(0, 10_000);
            var request = new OrderRequest(a, OrderSide.BUY, OrderType.LIMIT, 100, 10,
                    0, f.clock.instant().plus(Duration.ofMinutes(5)), "once");
            OrderResult first = f.exchange.place(PAIR, request);
            OrderResult again = f.exchange.place(PAIR, request);
            assertThat(again.replayed()).isTrue();
            assertThat(again.order().id()).isEqualTo(first.order().id());
            assertThat(f.balance(a, "coins")).isEqualTo(9_000);

            f.clock.advance(Duration.ofMinutes(6));
            eventually(() -> assertThat(f.exchange.order(PAIR, first.order().id()).status()).isEqualTo(OrderStatus.EXPIRED));
            assertThat(f.balance(a, "coins")).isEqualTo(10_000);
            f.assertEscrowMatchesOpenOrders();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void badOrdersSayWhatToFixAndMoveNothing(SqlKind kind) {
        try (var f = new ExchangeFixture(kind, 0)) {
            UUID a = f.player(10, 1_000);
            UUID b = f.player(10, 1_000);
            assertThatThrownBy(() -> f.limit(a, OrderSide.BUY, 102, 1)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors().getFirst().message()).contains("tick size 5", "100 and 105"));
            assertThatThrownBy(() -> f.limit(a, OrderSide.BUY, 100, 0)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> f.limit(a, OrderSide.BUY, 100, 11)).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("holds less than");
            assertThatThrownBy(() -> f.exchange.place("gems-gold", new OrderRequest(a, OrderSide.BUY, OrderType.LIMIT,
                    100, 1, 0, null, "x"))).isInstanceOf(NotFoundException.class).hasMessageContaining("gems-coins");
            assertThatThrownBy(() -> f.exchange.place(PAIR, new OrderRequest(a, OrderSide.BUY, OrderType.MARKET,
                    0, 1, 0, null, "y"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing was placed");
            Order mine = f.limit(a, OrderSide.SELL, 200, 5).order();
            assertThatThrownBy(() -> f.exchange.cancel(PAIR, mine.id(), b)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> f.exchange.place(PAIR, new OrderRequest(a, OrderSide.SELL, OrderType.LIMIT,
                    200, 6, 0, null, "key-4"))).isInstanceOf(ConflictException.class);
            assertThat(f.balance(a, "coins")).isEqualTo(1_000);
            assertThat(f.balance(a, "gems")).isEqualTo(5);
            f.assertEscrowMatchesOpenOrders();
        }
    }
}
