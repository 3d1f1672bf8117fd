package dev.veltrix.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Reading fields of the JSON maps jackson-jr produces. */
final class Json {
    private Json() {
    }

    static long number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static BigDecimal decimal(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }

    static UUID uuid(Map<String, Object> json, String field) {
        return UUID.fromString((String) json.get(field));
    }

    static Instant instant(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value == null ? null : Instant.parse((String) value);
    }
}
