package dev.veltrix.economy.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The order book of one pair and its matching, in memory, price-time priority: an incoming order
 * trades with the best opposite price first and, at one price, with the oldest order first, always
 * at the resting (maker) order's price. Not thread-safe by design: one thread owns a pair's engine,
 * which keeps it deterministic, so replaying the same inputs rebuilds the same book and trades.
 */
public final class MatchingEngine {
    private final NavigableMap<Long, PriceLevel> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Long, PriceLevel> asks = new TreeMap<>();
    private final Map<Long, RestingOrder> resting = new HashMap<>();

    /**
     * What an incoming order did: base units filled, quote units they cost, what rests, and whether
     * it stopped at the fill cap (a capped LIMIT order does not rest: it would rest crossing the book).
     */
    public record Placed(long filled, long notional, long resting, boolean capped) {
    }

    /**
     * Matches an order and rests a limit order's remainder.
     *
     * @param price    LIMIT: the worst price the order accepts; MARKET: ignored
     * @param maxTotal MARKET BUY: the most quote units to spend; otherwise ignored
     * @param maxFills the most resting orders one incoming order may trade with
     */
    public Placed place(long seq, OrderSide side, OrderType type, long price, long quantity, long maxTotal,
                        int maxFills, FillSink sink) {
        NavigableMap<Long, PriceLevel> opposite = side == OrderSide.BUY ? asks : bids;
        long left = quantity;
        long notional = 0;
        int[] fills = {0};
        boolean capped = false;
        while (left > 0 && !opposite.isEmpty()) {
            if (fills[0] >= maxFills) {
                capped = true;
                break;
            }
            PriceLevel best = opposite.firstEntry().getValue();
            if (type == OrderType.LIMIT && (side == OrderSide.BUY ? best.price > price : best.price < price)) {
                break;
            }
            long affordable = left;
            if (type == OrderType.MARKET && side == OrderSide.BUY) {
                affordable = Math.min(left, (maxTotal - notional) / best.price);
                if (affordable == 0) {
                    break;
                }
            }
            long taken = take(best, affordable, maxFills, fills, sink);
            left -= taken;
            notional = Math.addExact(notional, Math.multiplyExact(taken, best.price));
            if (best.isEmpty()) {
                opposite.pollFirstEntry();
            }
        }
        long rests = 0;
        if (type == OrderType.LIMIT && left > 0 && !capped) {
            RestingOrder order = new RestingOrder(seq, side, price, left);
            (side == OrderSide.BUY ? bids : asks).computeIfAbsent(price, PriceLevel::new).append(order);
            resting.put(seq, order);
            rests = left;
        }
        return new Placed(quantity - left, notional, rests, capped);
    }

    /** Fills up to {@code wanted} from a level's oldest orders; returns the quantity filled. */
    private long take(PriceLevel level, long wanted, int maxFills, int[] fills, FillSink sink) {
        long filled = 0;
        while (filled < wanted && level.head != null && fills[0] < maxFills) {
            fills[0]++;
            RestingOrder maker = level.head;
            long quantity = Math.min(wanted - filled, maker.remaining);
            filled += quantity;
            boolean done = quantity == maker.remaining;
            if (done) {
                level.remove(maker);
                resting.remove(maker.seq);
            } else {
                maker.remaining -= quantity;
                level.quantity -= quantity;
            }
            sink.fill(maker.seq, level.price, quantity, done);
        }
        return filled;
    }

    /** Removes a resting order; returns what was left of it, or −1 when it is not resting. */
    public long cancel(long seq) {
        RestingOrder order = resting.remove(seq);
        if (order == null) {
            return -1;
        }
        PriceLevel level = order.level;
        long remaining = order.remaining;
        level.remove(order);
        if (level.isEmpty()) {
            (order.side == OrderSide.BUY ? bids : asks).remove(level.price);
        }
        return remaining;
    }

    /** The remaining quantity of a resting order, or −1. */
    public long remaining(long seq) {
        RestingOrder order = resting.get(seq);
        return order == null ? -1 : order.remaining;
    }

    public Long bestBid() {
        return bids.isEmpty() ? null : bids.firstKey();
    }

    public Long bestAsk() {
        return asks.isEmpty() ? null : asks.firstKey();
    }

    /** One aggregated price level: price, total quantity, number of orders. */
    public record Level(long price, long quantity, int orders) {
    }

    /** The best {@code levels} price levels of one side, best first. */
    public List<Level> depth(OrderSide side, int levels) {
        List<Level> out = new ArrayList<>(levels);
        for (PriceLevel level : (side == OrderSide.BUY ? bids : asks).values()) {
            if (out.size() == levels) {
                break;
            }
            int orders = 0;
            for (RestingOrder o = level.head; o != null; o = o.next) {
                orders++;
            }
            out.add(new Level(level.price, level.quantity, orders));
        }
        return out;
    }

    /** Every resting order as {seq, side (0 buy, 1 sell), price, remaining}, in book order. */
    public List<long[]> snapshot() {
        List<long[]> out = new ArrayList<>();
        for (NavigableMap<Long, PriceLevel> side : List.of(bids, asks)) {
            for (PriceLevel level : side.values()) {
                for (RestingOrder o = level.head; o != null; o = o.next) {
                    out.add(new long[] {o.seq, o.side == OrderSide.BUY ? 0 : 1, o.price, o.remaining});
                }
            }
        }
        return out;
    }

    public int restingCount() {
        return resting.size();
    }
}
