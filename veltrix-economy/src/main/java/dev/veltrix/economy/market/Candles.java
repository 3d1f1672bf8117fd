package dev.veltrix.economy.market;

import dev.veltrix.core.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Wider candles made from the one-minute candles the shop records with every trade. */
public final class Candles {
    public static final int COUNT_MAX = 1_000;
    private static final Map<String, Duration> INTERVALS = Map.of("1m", Duration.ofMinutes(1),
            "5m", Duration.ofMinutes(5), "15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1),
            "4h", Duration.ofHours(4), "1d", Duration.ofDays(1));

    private Candles() {
    }

    static Duration interval(String name) {
        Duration length = INTERVALS.get(name);
        if (length == null) {
            throw InvalidInputException.of("interval", "one of 1m, 5m, 15m, 1h, 4h, 1d; got " + name);
        }
        return length;
    }

    static void checkRange(Instant from, Instant to, Duration length) {
        if (!from.isBefore(to)) {
            throw InvalidInputException.of("from", "must be before to (" + from + " >= " + to + ")");
        }
        if (Duration.between(from, to).dividedBy(length) > COUNT_MAX) {
            throw InvalidInputException.of("to", "at most " + COUNT_MAX + " candles per request; narrow the range "
                    + "or widen the interval");
        }
    }

    /** Merges consecutive minute candles into candles of {@code length}, aligned to the epoch. */
    static List<Candle> aggregate(List<Candle> minutes, Duration length) {
        long size = length.toMillis();
        List<Candle> out = new ArrayList<>();
        Candle current = null;
        for (Candle minute : minutes) {
            Instant start = Instant.ofEpochMilli(Math.floorDiv(minute.start().toEpochMilli(), size) * size);
            Candle aligned = new Candle(start, minute.open(), minute.high(), minute.low(), minute.close(), minute.volume());
            if (current != null && current.start().equals(start)) {
                current = current.merge(aligned);
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = aligned;
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }
}
