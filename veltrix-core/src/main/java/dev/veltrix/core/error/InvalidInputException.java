package dev.veltrix.core.error;

import java.util.List;

/** The request is malformed or a field is out of range (HTTP 400). Lists every field at fault. */
public final class InvalidInputException extends VeltrixException {
    private final List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super("invalid-input", message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
