package dev.veltrix.economy.market;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veltrix.core.error.LimitedException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limits a trade must pass before it is priced: a per-player trade rate (a Bucket4j token
 * bucket, refilled smoothly) and per-item daily quantities per player (UTC days, counted from the
 * recorded trades and kept in memory once read). A refusal names the limit and when it resets.
 */
final class TradeLimits {
    private final MarketStore store;
    private final Clock clock;
    private final int tradesPerMinute;
    private final TimeMeter time;
    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(1_000_000).build();
    private final Cache<String, AtomicLong> daily = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(25)).maximumSize(1_000_000).build();

    TradeLimits(MarketStore store, Clock clock, int tradesPerMinute) {
        this.store = store;
        this.clock = clock;
        this.tradesPerMinute = tradesPerMinute;
        // The bucket runs on the service's clock, so a simulated clock refills it in simulated time.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one trade from the player's allowance, or says how long until the next one. */
    void takeTrade(UUID player) {
        if (tradesPerMinute == 0) {
            return;
        }
        Bucket bucket = buckets.get(player, p -> Bucket.builder()
                .addLimit(limit -> limit.capacity(tradesPerMinute).refillGreedy(tradesPerMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Instant now = clock.instant();
            Instant next = now.plusNanos(probe.getNanosToWaitForRefill());
            throw new LimitedException("trade-rate-limit", "player " + player + " may trade " + tradesPerMinute
                    + " times per minute (market.trades-per-minute); the next trade is allowed at " + next, next, now);
        }
    }

    /** Reserves {@code quantity} of the player's daily allowance for this item and side. */
    void reserveDaily(MarketItem item, UUID player, Side side, long quantity, Instant now) {
        long limit = side == Side.BUY ? item.dailyBuyLimit() : item.dailySellLimit();
        if (limit == 0) {
            return;
        }
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
        AtomicLong used = daily.get(key(item, player, side, dayStart),
                k -> new AtomicLong(store.tradedSince(player, item.id(), side, dayStart)));
        synchronized (used) {
            if (used.get() + quantity > limit) {
                Instant reset = dayStart.plus(Duration.ofDays(1));
                String verb = side == Side.BUY ? "buy" : "sell";
                throw new LimitedException("daily-limit", "player " + player + " may " + verb + " at most " + limit
                        + " of " + item.id() + " per UTC day and has " + verb + "-traded " + used.get()
                        + " today; " + Math.max(0, limit - used.get()) + " more allowed until the reset at " + reset,
                        reset, now);
            }
            used.addAndGet(quantity);
        }
    }

    /** Gives back a reservation whose trade did not go through. */
    void releaseDaily(MarketItem item, UUID player, Side side, long quantity, Instant reservedAt) {
        AtomicLong used = daily.getIfPresent(key(item, player, side, reservedAt.truncatedTo(ChronoUnit.DAYS)));
        if (used != null) {
            used.addAndGet(-quantity);
        }
    }

    private static String key(MarketItem item, UUID player, Side side, Instant dayStart) {
        return player + "|" + item.id() + "|" + side + "|" + dayStart.toEpochMilli();
    }
}
