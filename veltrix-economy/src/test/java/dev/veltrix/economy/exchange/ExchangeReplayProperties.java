package dev.veltrix.economy.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.economy.ledger.TransferRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The exchange's book is a pure function of its inputs: replaying a random order stream rebuilds
 * the same book and the same trades, and escrow always equals what open orders still commit.
 */
class ExchangeReplayProperties {
    private static final Pair PAIR = new Pair("gems", "coins", 5, 1, 30);
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<UUID> PLAYERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    /** One input: a place (kind 0 limit, 1 market) or a cancel of the n-th order placed so far (kind 2). */
    record Input(int kind, OrderSide side, long ticks, long quantity, int player, int target) {
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(Arbitraries.integers().between(0, 2).withDistribution(net.jqwik.api.RandomDistribution.uniform()),
                Arbitraries.of(OrderSide.values()), Arbitraries.longs().between(18, 22), Arbitraries.longs().between(1, 40),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1_000)).as(Input::new);
    }

    /** Runs a stream through a fresh book; returns the trades, the final book, and checks escrow after each input. */
    private static Result run(List<Input> stream, int maxFills) {
        PairBook book = new PairBook(PAIR, maxFills);
        List<Order> placed = new ArrayList<>();
        List<ExchangeTrade> trades = new ArrayList<>();
        Map<String, Long> escrow = new HashMap<>();
        long seq = 1;
        for (Input in : stream) {
            Settlement settlement;
            if (in.kind() == 2) {
                if (placed.isEmpty()) {
                    continue;
                }
                Order target = book.live(placed.get(in.target() % placed.size()).id());
                if (target == null) {
                    continue;
                }
                settlement = book.cancel(seq++, target, OrderStatus.CANCELLED, AT);
            } else {
                OrderType type = in.kind() == 0 ? OrderType.LIMIT : OrderType.MARKET;
                long price = type == OrderType.LIMIT ? in.ticks() * PAIR.tickSize() : 0;
                long maxTotal = type == OrderType.MARKET && in.side() == OrderSide.BUY ? in.quantity() * 100 : 0;
                Order order = new Order(new UUID(0, seq), PAIR.id(), seq, PLAYERS.get(in.player()), in.side(), type, price,
                        in.quantity(), maxTotal, 0, 0, OrderStatus.OPEN, "k" + seq, AT, null);
                seq++;
                OrderRequest asked = new OrderRequest(order.player(), order.side(), type, price, order.quantity(), maxTotal, null, "k");
                escrow.merge(order.side() == OrderSide.BUY ? PAIR.quote() : PAIR.base(), asked.escrowAmount(), Long::sum);
                placed.add(order);
                settlement = book.place(order, AT);
            }
            for (TransferRequest leg : settlement.legs()) {
                assertThat(leg.from()).isEqualTo(PairBook.ESCROW);
                escrow.merge(leg.currency(), -leg.amount(), Long::sum);
            }
            trades.addAll(settlement.trades());
            Map<String, Long> committed = book.committed();
            for (String currency : List.of(PAIR.base(), PAIR.quote())) {
                assertThat(escrow.getOrDefault(currency, 0L)).as("escrow of %s equals open orders' commitments", currency)
                        .isEqualTo(committed.getOrDefault(currency, 0L));
            }
        }
        return new Result(trades, book.engine().snapshot());
    }

    record Result(List<ExchangeTrade> trades, List<long[]> book) {
    }

    @Property(tries = 300)
    void replayingTheInputsRebuildsTheSameBookAndTrades(@ForAll @Size(max = 300) List<@net.jqwik.api.From("inputs") Input> stream) {
        Result first = run(stream, 1_000);
        Result replay = run(stream, 1_000);
        assertThat(replay.trades()).isEqualTo(first.trades());
        assertThat(replay.book()).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(first.book());
        assertThat(first.trades()).extracting(ExchangeTrade::seq).isSorted();
    }

    @Property(tries = 200)
    void escrowHoldsEvenWhenOrdersStopAtTheFillCap(@ForAll @Size(max = 200) List<@net.jqwik.api.From("inputs") Input> stream) {
        run(stream, 2);
    }
}
