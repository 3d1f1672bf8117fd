package dev.veltrix.progression.quests;

import java.util.Locale;

/**
 * What an objective asks, the kind of node its target must be, and the game event (as game servers send it to
 * {@code POST /api/v1/events}) that advances it, with the field of its data that names the target.
 */
public enum ObjectiveKind {
    KILL(NodeType.MOB, "mob.killed", "mob"),
    MINE(NodeType.ITEM, "block.mined", "block"),
    COLLECT(NodeType.ITEM, "item.collected", "item"),
    CRAFT(NodeType.ITEM, "item.crafted", "item"),
    VISIT(NodeType.REGION, "region.entered", "region"),
    TALK(NodeType.NPC, "npc.talked", "npc"),
    DELIVER(NodeType.ITEM, "item.delivered", "item");

    private final NodeType target;
    private final String event;
    private final String field;

    ObjectiveKind(NodeType target, String event, String field) {
        this.target = target;
        this.event = event;
        this.field = field;
    }

    public NodeType target() {
        return target;
    }

    /** The game event type that advances it, such as {@code mob.killed}. */
    public String event() {
        return event;
    }

    /** The field of the event's data naming the target, such as {@code "data":{"mob":"wolf"}}. */
    public String field() {
        return field;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ObjectiveKind of(String label) {
        for (ObjectiveKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }
}
