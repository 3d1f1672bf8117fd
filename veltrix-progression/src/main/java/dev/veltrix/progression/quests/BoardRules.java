package dev.veltrix.progression.quests;

/**
 * How the generator fills players' boards, kept with the content (versioned and checked with it): how many quests a
 * daily and a weekly board hold, for how many days a completed repeatable quest is not offered again, and the seed
 * that, with the player and the period, decides each board.
 */
public record BoardRules(int dailyBoard, int weeklyBoard, int repeatWindowDays, long seed) {
    public static final BoardRules DEFAULTS = new BoardRules(3, 2, 7, 0);
}
