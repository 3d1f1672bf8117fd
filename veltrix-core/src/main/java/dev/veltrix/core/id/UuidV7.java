package dev.veltrix.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Generates RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then randomness.
 *
 * <p>Ids from one generator are strictly increasing, even within one millisecond, because the
 * 12-bit {@code rand_a} field is used as a counter (RFC 9562, method 1). Increasing ids keep
 * B-tree inserts at the right edge of the index and make ids usable as pagination cursors.
 */
public final class UuidV7 {
    private static final UuidV7 SYSTEM = new UuidV7(Clock.systemUTC());
    private static final int COUNTER_MAX = 0xFFF;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock lock = new ReentrantLock();
    private long lastMillis = -1;
    private int counter;

    public UuidV7(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /** A new id from the shared generator on the system clock. */
    public static UUID next() {
        return SYSTEM.generate();
    }

    public UUID generate() {
        long millis;
        int sequence;
        lock.lock();
        try {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                if (counter == COUNTER_MAX) {
                    // The counter is spent for this millisecond: borrow the next one rather than repeat.
                    millis++;
                    counter = 0;
                } else {
                    counter++;
                }
            } else {
                counter = random.nextInt(0x400); // start low so a burst has room to count up
            }
            lastMillis = millis;
            sequence = counter;
        } finally {
            lock.unlock();
        }
        long msb = (millis << 16) | 0x7000L | sequence;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /**
     * The smallest version 7 id of a millisecond: every id generated at or after {@code millis}
     * sorts at or after it, as a UUID and as its text, so an id range is a time range.
     */
    public static UUID floorOf(long millis) {
        return new UUID((millis << 16) | 0x7000L, 0x8000_0000_0000_0000L);
    }

    /** The Unix millisecond embedded in a version 7 id. */
    public static long millisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("id " + id + " is version " + id.version() + ", not 7");
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
