package dev.veltrix.progression.quests;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the generator knows of a player: their level and region (as their game server reports them), the quests they
 * completed with the day of the last completion, and the quests they have on now.
 */
public record PlayerContext(UUID player, int level, String region, Map<String, LocalDate> completed, Set<String> active) {
    public PlayerContext {
        completed = Map.copyOf(completed);
        active = Set.copyOf(active);
    }
}
