package dev.veltrix.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Limits sign-in attempts per client address, so passwords and portal codes cannot be guessed at
 * speed. A burst of {@code burst} attempts, then one every {@code refill}.
 */
public final class LoginThrottle {
    private final int burst;
    private final Duration refill;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

    public LoginThrottle(int burst, Duration refill) {
        this.burst = burst;
        this.refill = refill;
    }

    /** True when this client may try now; counts the attempt. */
    public boolean tryAttempt(String client) {
        return buckets.get(client, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(1, refill).build())
                .build()).tryConsume(1);
    }

    public long retryAfterSeconds() {
        return Math.max(1, refill.toSeconds());
    }
}
