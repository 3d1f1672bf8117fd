package dev.veltrix.progression.quests;

import java.time.Instant;
import java.util.List;

/**
 * A quest a player has: made for them on a board for a period ({@code board}, {@code period} the first day), from a
 * content version, with each objective's progress. Active until it is completed or its period ends (expired).
 */
public record Assignment(String id, String player, String board, String period, Instant endsAt, String state, GeneratedQuest quest,
                         List<Integer> progress, Instant assignedAt, Instant completedAt, Instant rewardedAt) {
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String EXPIRED = "expired";

    public Assignment {
        progress = List.copyOf(progress);
    }
}
