package dev.veltrix.economy.exchange;

import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.TransferRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * A pair's deterministic state machine: the matching engine, the orders resting in it, and the
 * settlement each input causes. It does no I/O and reads no clock, so feeding it the same inputs in
 * the same order always yields the same book, trades and money movements (what a restart relies on).
 *
 * <p>Money rule: an order escrows its whole commitment when placed (a buy price × quantity, or its
 * market budget; a sell its quantity). Each fill pays out of escrow; a buyer filled below its limit
 * gets the difference back at once; a cancel, expiry or unfilled market remainder returns exactly
 * what is left. So the escrow account always holds exactly what the open orders still commit.
 */
final class PairBook {
    static final AccountId ESCROW = new AccountId("system:exchange");

    private record Expiry(Instant at, long seq) {
    }

    final Pair pair;
    private final int maxFills;
    private final MatchingEngine engine = new MatchingEngine();
    private final Map<Long, Order> live = new HashMap<>();
    private final Map<UUID, Long> seqById = new HashMap<>();
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>((a, b) -> a.at.compareTo(b.at));
    private long nextTradeSeq = 1;

    PairBook(Pair pair, int maxFills) {
        this.pair = pair;
        this.maxFills = maxFills;
    }

    MatchingEngine engine() {
        return engine;
    }

    Order live(UUID orderId) {
        Long seq = seqById.get(orderId);
        return seq == null ? null : live.get(seq);
    }

    Order liveAt(long seq) {
        Order order = live.get(seq);
        if (order == null) {
            throw new IllegalStateException("input refers to order seq " + seq + " of " + pair.id() + ", which is not resting");
        }
        return order;
    }

    /** Matches a new order (status OPEN, nothing filled) and says what that moves. */
    Settlement place(Order order, Instant now) {
        List<ExchangeTrade> trades = new ArrayList<>();
        Map<Long, Order> makers = new LinkedHashMap<>();
        Legs legs = new Legs();
        OrderSide side = order.side();
        MatchingEngine.Placed placed = engine.place(order.seq(), side, order.type(), order.price(), order.quantity(),
                order.maxTotal(), maxFills, (makerSeq, price, quantity, makerDone) -> {
                    Order maker = makers.getOrDefault(makerSeq, live.get(makerSeq));
                    long notional = price * quantity;
                    long fee;
                    if (side == OrderSide.BUY) {
                        fee = quantity * pair.feeBps() / 10_000;
                        legs.pay(order.player(), pair.base(), quantity - fee);
                        legs.fee(pair.base(), fee);
                        legs.pay(maker.player(), pair.quote(), notional);
                        if (order.type() == OrderType.LIMIT) {
                            legs.pay(order.player(), pair.quote(), (order.price() - price) * quantity);
                        }
                    } else {
                        fee = notional * pair.feeBps() / 10_000;
                        legs.pay(order.player(), pair.quote(), notional - fee);
                        legs.fee(pair.quote(), fee);
                        legs.pay(maker.player(), pair.base(), quantity);
                    }
                    Order after = maker.progressed(quantity, notional, makerDone ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED);
                    makers.put(makerSeq, after);
                    boolean buyerIsTaker = side == OrderSide.BUY;
                    trades.add(new ExchangeTrade(pair.id(), nextTradeSeq++, price, quantity,
                            buyerIsTaker ? order.id() : maker.id(), buyerIsTaker ? maker.id() : order.id(),
                            buyerIsTaker ? order.player() : maker.player(), buyerIsTaker ? maker.player() : order.player(),
                            side, fee, now));
                });
        for (Order maker : makers.values()) {
            if (maker.status() == OrderStatus.FILLED) {
                forget(maker);
            } else {
                live.put(maker.seq(), maker);
            }
        }
        Order taker;
        if (placed.filled() == order.quantity()) {
            taker = order.progressed(placed.filled(), placed.notional(), OrderStatus.FILLED);
        } else if (placed.resting() > 0) {
            taker = order.progressed(placed.filled(), placed.notional(),
                    placed.filled() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN);
            remember(taker);
        } else {
            // A market order's remainder, or a limit order stopped at the fill cap: nothing rests.
            taker = order.progressed(placed.filled(), placed.notional(), OrderStatus.CANCELLED);
        }
        if (taker.status().isFinal()) {
            // Whatever the order escrowed and did not use (a market buy's unspent budget) goes back now.
            legs.pay(order.player(), committedCurrency(taker), committedLeft(taker));
        }
        List<Order> changed = new ArrayList<>(makers.values());
        changed.add(taker);
        return new Settlement(pair.id(), order.seq(), legs.toRequests(pair.id(), order.seq()), changed, trades, null);
    }

    /** Takes a resting order out of the book and returns what it still has in escrow. */
    Settlement cancel(long cancelSeq, Order order, OrderStatus reason, Instant at) {
        if (engine.cancel(order.seq()) < 0) {
            throw new IllegalStateException("order " + order.id() + " is not resting in " + pair.id());
        }
        forget(order);
        Order cancelled = order.withStatus(reason);
        Legs legs = new Legs();
        legs.pay(order.player(), committedCurrency(order), committedLeft(order));
        return new Settlement(pair.id(), cancelSeq, legs.toRequests(pair.id(), cancelSeq), List.of(cancelled), List.of(),
                new StoredInput.Cancel(cancelSeq, order.seq(), reason, at));
    }

    /** Resting orders whose time ran out by {@code now}, oldest expiry first. */
    List<Order> expired(Instant now) {
        List<Order> out = new ArrayList<>();
        while (!expiries.isEmpty() && !expiries.peek().at.isAfter(now)) {
            Order order = live.get(expiries.poll().seq);
            if (order != null) {
                out.add(order);
            }
        }
        return out;
    }

    /** What the open orders commit, per currency: the escrow account must hold exactly this. */
    Map<String, Long> committed() {
        Map<String, Long> out = new HashMap<>();
        for (Order order : live.values()) {
            out.merge(committedCurrency(order), committedLeft(order), Math::addExact);
        }
        return out;
    }

    int resting() {
        return live.size();
    }

    private String committedCurrency(Order order) {
        return order.side() == OrderSide.BUY ? pair.quote() : pair.base();
    }

    /** Escrow an order still holds: a sell its unfilled units; a buy its budget less what it spent. */
    private static long committedLeft(Order order) {
        if (order.side() == OrderSide.SELL) {
            return order.remaining();
        }
        if (order.type() == OrderType.MARKET) {
            return order.maxTotal() - order.spent();
        }
        return order.price() * order.remaining();
    }

    private void remember(Order order) {
        live.put(order.seq(), order);
        seqById.put(order.id(), order.seq());
        if (order.expiresAt() != null) {
            expiries.add(new Expiry(order.expiresAt(), order.seq()));
        }
    }

    private void forget(Order order) {
        live.remove(order.seq());
        seqById.remove(order.id());
    }

    /** Payments out of escrow, summed per payee and currency so a big sweep stays a few legs. */
    private static final class Legs {
        private final Map<String, long[]> amounts = new LinkedHashMap<>();

        void pay(UUID player, String currency, long amount) {
            add(AccountId.player(player).value(), currency, amount);
        }

        void fee(String currency, long amount) {
            add(AccountId.SINK.value(), currency, amount);
        }

        private void add(String account, String currency, long amount) {
            if (amount > 0) {
                amounts.computeIfAbsent(account + "|" + currency, k -> new long[1])[0] += amount;
            }
        }

        List<TransferRequest> toRequests(String pair, long seq) {
            List<TransferRequest> out = new ArrayList<>(amounts.size());
            amounts.forEach((key, amount) -> {
                int bar = key.indexOf('|');
                out.add(new TransferRequest(ESCROW, new AccountId(key.substring(0, bar)), key.substring(bar + 1),
                        amount[0], "exchange:" + pair + ":" + seq, null));
            });
            return out;
        }
    }
}
