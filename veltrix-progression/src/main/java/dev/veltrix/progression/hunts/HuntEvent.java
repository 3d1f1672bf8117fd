package dev.veltrix.progression.hunts;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a hunt's timeline: {@code created} (the hunt and its treasures, as JSON), {@code found} (a player
 * found a treasure, with their rank), {@code rewarded} (a reward was paid), {@code finished} (a player found every
 * treasure, with their rank). The timeline alone is enough to rebuild the hunt's state.
 */
public record HuntEvent(int seq, UUID id, Instant at, String kind, UUID player, String treasure, Integer rank, String detail) {
}
