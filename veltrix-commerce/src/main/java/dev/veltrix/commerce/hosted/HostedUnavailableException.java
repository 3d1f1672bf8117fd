package dev.veltrix.commerce.hosted;

/** The hosted processor is down or answered something else than its API. */
public final class HostedUnavailableException extends RuntimeException {
    public HostedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
