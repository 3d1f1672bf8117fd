package dev.veltrix.network.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A player's report of a chat message, with a copy of the message as it was when reported.
 *
 * @param resolvedBy who closed it (a staff name), null while open
 * @param resolution what was done, such as "muted 60 minutes" or "no action", null while open
 */
public record ChatReport(UUID id, UUID messageId, UUID reporter, UUID reported, String channel, String text,
                         String reason, Instant createdAt, String resolvedBy, String resolution, Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }
}
