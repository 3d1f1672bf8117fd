package dev.veltrix.economy.market;

import java.time.Instant;

/** Open, high, low and close of an item's marginal price over one interval, and units traded. */
public record Candle(Instant start, long open, long high, long low, long close, long volume) {

    /** This candle extended by a later one of the same wider interval. */
    public Candle merge(Candle later) {
        return new Candle(start, open, Math.max(high, later.high), Math.min(low, later.low), later.close,
                volume + later.volume);
    }
}
