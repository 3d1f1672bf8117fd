package dev.veltrix.sdk;

/**
 * Veltrix could not be reached or kept failing after every retry. A value-moving call may or may
 * not have been applied: call it again later with the same idempotency key to find out safely.
 */
public final class VeltrixUnavailableException extends RuntimeException {
    public VeltrixUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
