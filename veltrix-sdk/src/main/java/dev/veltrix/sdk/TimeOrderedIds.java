package dev.veltrix.sdk;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Events with such ids, and idempotency keys made
 * of them, land at the end of Veltrix's indexes instead of all over them: a random key costs the ledger a page of its
 * own in every group commit, a time-ordered one shares the newest page with the keys written beside it.
 *
 * <p>Use {@link #key()} for idempotency keys of your own; the SDK's calls that make their own key use it.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A fresh idempotency key that sorts after the keys made before it (to the millisecond). */
    public static String key() {
        return next().toString();
    }

    static UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
