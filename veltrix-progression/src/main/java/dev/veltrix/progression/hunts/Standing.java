package dev.veltrix.progression.hunts;

import java.time.Instant;

/** A player's place on a hunt's leaderboard: treasures found, and when the last was found (earlier ranks higher). */
public record Standing(int place, String player, int found, Instant lastFoundAt, boolean finished) {
}
