package dev.veltrix.core.error;

/** Well-formed, but a business rule refuses it, such as an overdraft (HTTP 422). Nothing changed. */
public final class RejectedException extends VeltrixException {
    public RejectedException(String problemType, String message) {
        super(problemType, message);
    }
}
