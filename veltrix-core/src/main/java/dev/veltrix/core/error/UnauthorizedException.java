package dev.veltrix.core.error;

/** No valid credentials came with the request (HTTP 401). */
public final class UnauthorizedException extends VeltrixException {
    public UnauthorizedException(String message) {
        super("unauthorized", message);
    }
}
