package dev.veltrix.progression.quests;

import java.util.List;

/**
 * A quest made for one player from a template: its objectives with the counts scaled to the quest's difficulty and
 * region, and its rewards. {@code version} is the content version it was made from, which the player keeps.
 */
public record GeneratedQuest(int version, String quest, String name, int difficulty, String board, List<Goal> goals, List<Prize> prizes) {
    public GeneratedQuest {
        goals = List.copyOf(goals);
        prizes = List.copyOf(prizes);
    }

    /** One objective to do {@code count} times; a delivery goes {@code to} an NPC. */
    public record Goal(String objective, ObjectiveKind kind, String target, int count, String to) {
    }

    /** One reward: game currency, an item, or a console command. */
    public record Prize(String reward, String currency, long amount, String item, int count, String command) {
    }
}
