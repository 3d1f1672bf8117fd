package dev.veltrix.core.error;

/** The credentials are valid but lack the scope or role this needs (HTTP 403). */
public final class ForbiddenException extends VeltrixException {
    public ForbiddenException(String message) {
        super("forbidden", message);
    }
}
