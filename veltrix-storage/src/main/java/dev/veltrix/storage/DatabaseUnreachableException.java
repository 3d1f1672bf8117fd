package dev.veltrix.storage;

/** The configured database could not be reached or opened; the message names it and says what the driver reported. */
public final class DatabaseUnreachableException extends RuntimeException {
    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
