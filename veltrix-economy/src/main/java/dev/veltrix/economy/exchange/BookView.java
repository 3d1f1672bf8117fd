package dev.veltrix.economy.exchange;

import java.time.Instant;
import java.util.List;

/**
 * A pair's book as of the end of the last round: best prices and the best levels of each side.
 * Published by the pair's thread so readers never touch the live engine.
 */
public record BookView(String pair, Long bestBid, Long bestAsk, List<MatchingEngine.Level> bids,
                       List<MatchingEngine.Level> asks, Instant asOf) {
    public static final int DEPTH_MAX = 50;

    /** The same view cut to the best {@code levels} levels per side. */
    public BookView top(int levels) {
        return new BookView(pair, bestBid, bestAsk, bids.subList(0, Math.min(levels, bids.size())),
                asks.subList(0, Math.min(levels, asks.size())), asOf);
    }
}
