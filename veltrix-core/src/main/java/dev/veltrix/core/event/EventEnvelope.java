package dev.veltrix.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as every capability writes it to the outbox and every consumer receives it.
 *
 * @param id         UUIDv7, unique; consumers use it to ignore redeliveries
 * @param type       {@code <subject>.<past-tense>}, such as {@code transfer.posted}
 * @param key        what the event is about (an account, a claim id); orders events of one key
 * @param occurredAt when the change was committed
 * @param source     the capability that wrote it, such as {@code economy}
 * @param payload    the event body as a JSON object text
 */
public record EventEnvelope(UUID id, String type, String key, Instant occurredAt, String source, String payload) {
    public static final int TYPE_LENGTH_MAX = 64;
    public static final int KEY_LENGTH_MAX = 128;
    public static final int PAYLOAD_LENGTH_MAX = 60_000;

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        if (type.length() > TYPE_LENGTH_MAX || !isType(type)) {
            throw new IllegalArgumentException("type must look like subject.past_tense (e.g. transfer.posted), got " + type);
        }
        if (key.isEmpty() || key.length() > KEY_LENGTH_MAX) {
            throw new IllegalArgumentException("key must be 1.." + KEY_LENGTH_MAX + " characters, got " + key.length());
        }
        if (payload.length() > PAYLOAD_LENGTH_MAX) {
            throw new IllegalArgumentException("payload must be at most " + PAYLOAD_LENGTH_MAX + " characters, got " + payload.length());
        }
    }

    /**
     * Whether {@code type} is dot-separated words of lower-case letters, digits and underscores, each starting with a
     * letter, at least two of them ({@code [a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+}). Checked by hand: every event read
     * from the outbox is built here, and the regular expression allocated a matcher state for each.
     */
    public static boolean isType(String type) {
        int words = 0;
        boolean wordStart = true;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (wordStart) {
                if (c < 'a' || c > 'z') {
                    return false;
                }
                words++;
                wordStart = false;
            } else if (c == '.') {
                wordStart = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return words >= 2 && !wordStart;
    }
}
