package dev.veltrix.progression.hunts;

import java.time.Instant;
import java.util.List;

/**
 * A treasure hunt: its window, its treasures, whether the clues must be followed in order, and the reward for the
 * first {@code finishWinners} players to find every treasure (0: everyone who finishes).
 */
public record Hunt(String id, String name, Instant startsAt, Instant endsAt, boolean ordered, String finishCurrency,
                   long finishAmount, int finishWinners, List<Treasure> treasures) {

    public Hunt {
        treasures = List.copyOf(treasures);
    }

    public boolean running(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
