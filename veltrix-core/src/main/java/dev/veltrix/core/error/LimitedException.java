package dev.veltrix.core.error;

import java.time.Instant;
import java.util.Objects;

/**
 * A per-caller limit is used up (a trade rate, a daily quantity); the message names the limit, and
 * {@link #resetsAt()} says when it allows again (HTTP 429 with Retry-After). Nothing changed.
 */
public final class LimitedException extends VeltrixException {
    private final Instant resetsAt;
    private final long retryAfterSeconds;

    public LimitedException(String problemType, String message, Instant resetsAt, Instant now) {
        super(problemType, message);
        this.resetsAt = Objects.requireNonNull(resetsAt, "resetsAt");
        long millis = Math.max(0, resetsAt.toEpochMilli() - now.toEpochMilli());
        this.retryAfterSeconds = Math.max(1, (millis + 999) / 1000);
    }

    public Instant resetsAt() {
        return resetsAt;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
