package dev.veltrix.core.error;

import java.util.Objects;

/** What is wrong with one field of a request, phrased so the caller knows what to send instead. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
