package dev.veltrix.core.error;

/** The named thing does not exist (HTTP 404). */
public final class NotFoundException extends VeltrixException {
    public NotFoundException(String message) {
        super("not-found", message);
    }
}
