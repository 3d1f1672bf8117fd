package dev.veltrix.progression.battlepass;

import java.time.Instant;
import java.util.UUID;

/** One game event's XP for a player, as the player can see it: its source, what it gave (0 when capped) and when. */
public record XpGrant(UUID event, String source, long xp, Instant at) {
}
