package dev.veltrix.progression.quests;

import java.util.List;
import java.util.Locale;

/** The kinds of node of the content graph, with the fields each takes in a content file (besides id and type). */
public enum NodeType {
    MOB(List.of("name")),
    ITEM(List.of("name", "value")),
    REGION(List.of("name", "level")),
    NPC(List.of("name")),
    QUEST(List.of("name", "difficulty", "level", "weight", "repeatable", "board")),
    OBJECTIVE(List.of("kind", "target", "count", "to")),
    REWARD(List.of("currency", "amount", "item", "count", "command"));

    private final List<String> fields;

    NodeType(List<String> fields) {
        this.fields = fields;
    }

    public List<String> fields() {
        return fields;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a content file names, or null. */
    public static NodeType of(String label) {
        for (NodeType t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        return null;
    }
}
