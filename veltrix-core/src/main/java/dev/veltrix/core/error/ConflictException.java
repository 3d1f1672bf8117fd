package dev.veltrix.core.error;

/** The request clashes with the current state, such as a reused idempotency key (HTTP 409). */
public final class ConflictException extends VeltrixException {
    public ConflictException(String problemType, String message) {
        super(problemType, message);
    }
}
