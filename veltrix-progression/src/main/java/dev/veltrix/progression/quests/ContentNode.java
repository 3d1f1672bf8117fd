package dev.veltrix.progression.quests;

/**
 * A node of the quest content graph. Quest templates hold objectives and rewards (through edges); objectives name
 * what they are about (a mob, an item, a region, an NPC); regions carry the level a player needs there.
 */
public sealed interface ContentNode {
    String id();

    NodeType type();

    /** A creature players fight; {@code kill} objectives name one. */
    record Mob(String id, String name) implements ContentNode {
        public NodeType type() {
            return NodeType.MOB;
        }
    }

    /** An item or block; {@code value} is what it is worth in rewards (against a quest's budget). */
    record Item(String id, String name, long value) implements ContentNode {
        public NodeType type() {
            return NodeType.ITEM;
        }
    }

    /** A region of the world; players below {@code level} are not sent there. */
    record Region(String id, String name, int level) implements ContentNode {
        public NodeType type() {
            return NodeType.REGION;
        }
    }

    record Npc(String id, String name) implements ContentNode {
        public NodeType type() {
            return NodeType.NPC;
        }
    }

    /**
     * A quest template. {@code difficulty} (1..5) sets its reward budget and scales its objectives; {@code level} is
     * the least player level; {@code weight} how often the generator picks it; {@code board} daily, weekly or any.
     */
    record Quest(String id, String name, int difficulty, int level, int weight, boolean repeatable, String board) implements ContentNode {
        public NodeType type() {
            return NodeType.QUEST;
        }
    }

    /**
     * Something to do: {@code kind} names what {@code target} must be (a mob to kill, an item to mine, collect, craft
     * or deliver, a region to visit, an NPC to talk to); {@code count} times, at difficulty 1. A delivery goes
     * {@code to} an NPC.
     */
    record Objective(String id, ObjectiveKind kind, String target, int count, String to) implements ContentNode {
        public NodeType type() {
            return NodeType.OBJECTIVE;
        }
    }

    /** What completing a quest gives: game currency, {@code count} of an item, or a console command ({@code {player}}). */
    record Reward(String id, String currency, long amount, String item, int count, String command) implements ContentNode {
        public NodeType type() {
            return NodeType.REWARD;
        }
    }
}
