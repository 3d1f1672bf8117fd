package dev.veltrix.progression.hunts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hunt's state as its timeline makes it: each treasure's finders in rank order, the finishers in rank order,
 * and the rewards paid ({@code treasure:<id>:<player>}, {@code finish:<player>}). Built by replaying the
 * timeline, or read from the projection tables; the two must always agree.
 */
public record HuntState(Map<String, List<String>> finders, List<String> finishers, Set<String> rewarded) {

    public HuntState {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        finders.forEach((treasure, players) -> copy.put(treasure, List.copyOf(players)));
        finders = Map.copyOf(copy);
        finishers = List.copyOf(finishers);
        rewarded = Set.copyOf(rewarded);
    }

    /** Replays a timeline in order; a rank out of sequence is a corrupt timeline and fails loudly. */
    public static HuntState replay(List<HuntEvent> events) {
        Map<String, List<String>> finders = new LinkedHashMap<>();
        List<String> finishers = new ArrayList<>();
        Set<String> rewarded = new TreeSet<>();
        for (HuntEvent e : events) {
            switch (e.kind()) {
                case "found" -> {
                    List<String> players = finders.computeIfAbsent(e.treasure(), t -> new ArrayList<>());
                    expectRank(e, players.size() + 1);
                    players.add(e.player().toString());
                }
                case "finished" -> {
                    expectRank(e, finishers.size() + 1);
                    finishers.add(e.player().toString());
                }
                case "rewarded" -> rewarded.add(e.treasure() == null ? "finish:" + e.player() : "treasure:" + e.treasure() + ":" + e.player());
                default -> {
                    // "created", "redefined": the definition; it sets no finder
                }
            }
        }
        return new HuntState(finders, finishers, rewarded);
    }

    private static void expectRank(HuntEvent e, int expected) {
        if (e.rank() == null || e.rank() != expected) {
            throw new IllegalStateException("timeline entry " + e.seq() + " gives rank " + e.rank() + " where " + expected + " follows");
        }
    }
}
