package dev.veltrix.network.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * One chat message as every game server receives it.
 *
 * @param channel {@code global}, {@code staff}, {@code group:<name>}, {@code party:<id>} or {@code dm:<uuid>}
 */
public record ChatMessage(UUID id, String channel, UUID sender, String text, Instant at) {
}
