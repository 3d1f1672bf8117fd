package dev.veltrix.server.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One setting: its key in {@code veltrix.yml}, its default, how to read it, and in words what it
 * accepts (for the error message and the documentation).
 */
public record Setting<T>(String key, String defaultText, Function<String, T> parser, String accepts, String description) {

    /** The environment variable that overrides this setting: {@code http.max-body-bytes} -> {@code VELTRIX_HTTP_MAX_BODY_BYTES}. */
    public String environmentVariable() {
        return "VELTRIX_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    T parse(String text, String source) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new ConfigException("invalid setting " + key + "=" + text + " (from " + source + "): accepted values are "
                    + accepts + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    static Setting<Integer> integer(String key, int defaultValue, int min, int max, String description) {
        return new Setting<>(key, Integer.toString(defaultValue), text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }, "a whole number from " + min + " to " + max, description);
    }

    static Setting<String> text(String key, String defaultValue, String accepts, String description,
                                Function<String, String> check) {
        return new Setting<>(key, defaultValue, check, accepts, description);
    }

    static Setting<Boolean> flag(String key, boolean defaultValue, String description) {
        return new Setting<>(key, Boolean.toString(defaultValue), text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        }, "true or false", description);
    }
}
