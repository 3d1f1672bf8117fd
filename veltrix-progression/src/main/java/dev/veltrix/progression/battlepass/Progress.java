package dev.veltrix.progression.battlepass;

import java.util.List;

/**
 * Where a player stands in a season, with the math shown: total XP, the tier it reaches, the XP of every tier, what
 * the next tier needs, premium or not, and the rewards claimed ({@code <tier>:<track>}).
 */
public record Progress(String season, String player, long xp, int tier, Long nextTierXp, boolean premium, List<Long> thresholds,
                       List<String> claimed) {
}
