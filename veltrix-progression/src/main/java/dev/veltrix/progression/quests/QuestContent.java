package dev.veltrix.progression.quests;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole quest content of a network: nodes and edges in file order, the reward budget of each difficulty (the
 * most a quest of it may give, counting currency amounts and item values), the highest level players reach, and how
 * players' boards are filled.
 */
public record QuestContent(List<ContentNode> nodes, List<Edge> edges, SortedMap<Integer, Long> budgets, int levelCap, BoardRules boards) {
    public static final SortedMap<Integer, Long> DEFAULT_BUDGETS = new TreeMap<>(java.util.Map.of(1, 100L, 2, 250L, 3, 500L, 4, 1_000L, 5, 2_500L));
    public static final int DEFAULT_LEVEL_CAP = 100;

    public QuestContent {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        budgets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(budgets));
    }

    public static QuestContent empty() {
        return new QuestContent(List.of(), List.of(), DEFAULT_BUDGETS, DEFAULT_LEVEL_CAP, BoardRules.DEFAULTS);
    }
}
