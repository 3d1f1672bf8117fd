package dev.veltrix.progression.quests;

import java.util.List;
import java.util.Set;

/** The kinds of edge, each with the node types it may join. */
public enum EdgeType {
    /** A quest's objective. */
    HAS("has", Set.of(NodeType.QUEST), Set.of(NodeType.OBJECTIVE)),
    /** A quest can be offered only after another is completed, or to players who may enter a region. */
    REQUIRES("requires", Set.of(NodeType.QUEST), Set.of(NodeType.QUEST, NodeType.REGION)),
    /** Completing a quest makes another available (shown to players; the requirement is what counts). */
    UNLOCKS("unlocks", Set.of(NodeType.QUEST), Set.of(NodeType.QUEST)),
    REWARDS("rewards", Set.of(NodeType.QUEST), Set.of(NodeType.REWARD)),
    LOCATED_IN("located-in", Set.of(NodeType.QUEST, NodeType.NPC, NodeType.MOB, NodeType.OBJECTIVE), Set.of(NodeType.REGION)),
    /** The quest offered next when one is completed: a chain. */
    FOLLOW_UP("follow-up", Set.of(NodeType.QUEST), Set.of(NodeType.QUEST));

    private final String label;
    private final Set<NodeType> from;
    private final Set<NodeType> to;

    EdgeType(String label, Set<NodeType> from, Set<NodeType> to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public Set<NodeType> from() {
        return from;
    }

    public Set<NodeType> to() {
        return to;
    }

    public static EdgeType of(String label) {
        for (EdgeType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }

    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(EdgeType::label).toList();
    }
}
