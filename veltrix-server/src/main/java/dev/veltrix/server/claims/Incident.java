package dev.veltrix.server.claims;

import dev.veltrix.claims.Action;
import java.time.Instant;
import java.util.UUID;

/** A denied action a game server reported: who tried what, where, in whose claim. */
public record Incident(UUID player, Action action, String world, int x, int y, int z, UUID claim, UUID owner, Instant at) {
}
