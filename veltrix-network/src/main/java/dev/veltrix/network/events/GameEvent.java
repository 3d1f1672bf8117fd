package dev.veltrix.network.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event a game server reports, such as {@code mob.killed}, after validation.
 *
 * @param id         chosen by the game server (a UUID; UUIDv7 recommended); a repeat is ignored
 * @param type       {@code <subject>.<past-tense>}; published to consumers as {@code game.<type>}
 * @param player     the player it is about, or null for a server-wide event
 * @param occurredAt when it happened on the game server
 * @param data       a JSON object text with the event's details
 */
public record GameEvent(UUID id, String type, UUID player, Instant occurredAt, String data) {
    /** The prefix that keeps game events apart from the events Veltrix itself writes. */
    public static final String TYPE_PREFIX = "game.";
}
