package dev.veltrix.server.api;

import dev.veltrix.core.error.InvalidInputException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Path and query parameters read strictly, each mistake a 400 naming the parameter. */
public final class Params {
    private Params() {
    }

    /** The {@code limit} query parameter, or {@code fallback} when absent. */
    public static int limit(Context ctx, int fallback, int max) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("limit", "must be a whole number 1.." + max);
        }
    }

    public static UUID uuid(String field, String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw InvalidInputException.of(field, "a UUID in 8-4-4-4-12 form, got " + text);
    }

    /** A query parameter as an instant: ISO-8601 ({@code 2026-03-01T10:00:00Z}) or epoch milliseconds. */
    public static Instant instant(Context ctx, String name, Instant fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw InvalidInputException.of(name, "an ISO-8601 instant such as 2026-03-01T10:00:00Z, or epoch milliseconds; got " + text);
        }
    }

    /** An enum constant by name, case-insensitively, or a 400 listing the accepted names. */
    public static <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
        if (text != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text.toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw InvalidInputException.of(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got " + text);
    }
}
