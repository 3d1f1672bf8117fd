package dev.veltrix.core.error;

/** A bounded queue is full; the caller should retry after the given delay (HTTP 503). */
public final class OverloadedException extends VeltrixException {
    private final int retryAfterSeconds;

    public OverloadedException(String message, int retryAfterSeconds) {
        super("overloaded", message);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1, got " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
