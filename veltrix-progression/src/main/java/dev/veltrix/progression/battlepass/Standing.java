package dev.veltrix.progression.battlepass;

/**
 * A player's final standing in an archived season: their place by XP (ties go to who got there first), XP, tier,
 * premium, and how many rewards they received.
 */
public record Standing(String season, String player, int place, long xp, int tier, boolean premium, int rewards) {
}
