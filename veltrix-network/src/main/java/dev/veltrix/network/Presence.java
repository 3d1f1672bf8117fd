package dev.veltrix.network;

import java.time.Instant;
import java.util.UUID;

/** Whether a player is online, on which server and group, since when. */
public record Presence(UUID player, boolean online, String server, String group, Instant since) {
}
