package dev.veltrix.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in game, to send with {@link Events#send}. Made with {@link #of}, it gets a
 * time-ordered id (UUIDv7) at once: keep the object and send it again after a failure, and Veltrix takes it
 * in once.
 *
 * @param type   {@code subject.past_tense} in lower case, such as {@code mob.killed}
 * @param player the player it is about, or null for a server-wide event
 * @param data   details, turned into a JSON object
 */
public record GameEvent(UUID id, String type, UUID player, Instant occurredAt, Map<String, Object> data) {

    public GameEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** An event that happened now, with a fresh id. */
    public static GameEvent of(String type, UUID player, Map<String, Object> data) {
        return new GameEvent(TimeOrderedIds.next(), type, player, Instant.now(), data);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id.toString());
        json.put("type", type);
        if (player != null) {
            json.put("player", player.toString());
        }
        json.put("occurredAt", occurredAt.toString());
        json.put("data", data);
        return json;
    }
}
