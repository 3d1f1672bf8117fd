package dev.veltrix.bench;

import dev.veltrix.progression.quests.ContentNode;
import dev.veltrix.progression.quests.Edge;
import dev.veltrix.progression.quests.EdgeType;
import dev.veltrix.progression.quests.ObjectiveKind;
import dev.veltrix.progression.quests.QuestContent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sound quest content of a large network: {@code templates} quests, each with three objectives and a reward, over
 * 2,000 mobs, 2,000 items, 500 NPCs and 500 regions; half the quests require an earlier one (chains and branches, no
 * cycles), most are placed in a region. 10,000 templates make 55,000 nodes and about 55,000 edges.
 */
final class QuestContentSynth {
    private static final ObjectiveKind[] KINDS = ObjectiveKind.values();

    private QuestContentSynth() {
    }

    static QuestContent build(int templates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ContentNode> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            nodes.add(new ContentNode.Mob("mob-" + i, "Mob " + i));
            nodes.add(new ContentNode.Item("item-" + i, "Item " + i, 1 + random.nextInt(20)));
        }
        for (int i = 0; i < 500; i++) {
            nodes.add(new ContentNode.Npc("npc-" + i, "NPC " + i));
            nodes.add(new ContentNode.Region("region-" + i, "Region " + i, 1 + random.nextInt(60)));
        }
        for (int q = 0; q < templates; q++) {
            String quest = "quest-" + q;
            int difficulty = 1 + random.nextInt(5);
            nodes.add(new ContentNode.Quest(quest, "Quest " + q, difficulty, 1 + random.nextInt(60), 1 + random.nextInt(50), random.nextInt(3) > 0,
                    List.of("daily", "weekly", "any").get(random.nextInt(3))));
            for (int o = 0; o < 3; o++) {
                ObjectiveKind kind = KINDS[random.nextInt(KINDS.length)];
                String target = switch (kind.target()) {
                    case MOB -> "mob-" + random.nextInt(2_000);
                    case ITEM -> "item-" + random.nextInt(2_000);
                    case REGION -> "region-" + random.nextInt(500);
                    default -> "npc-" + random.nextInt(500);
                };
                String id = quest + "-o" + o;
                nodes.add(new ContentNode.Objective(id, kind, target, 1 + random.nextInt(20), kind == ObjectiveKind.DELIVER ? "npc-" + random.nextInt(500) : null));
                edges.add(new Edge(quest, EdgeType.HAS, id));
            }
            nodes.add(new ContentNode.Reward(quest + "-pay", "coins", 10 + random.nextInt(90), null, 0, null));
            edges.add(new Edge(quest, EdgeType.REWARDS, quest + "-pay"));
            if (q > 0 && random.nextBoolean()) {
                edges.add(new Edge(quest, EdgeType.REQUIRES, "quest-" + random.nextInt(q)));
            }
            if (random.nextInt(4) > 0) {
                edges.add(new Edge(quest, EdgeType.LOCATED_IN, "region-" + random.nextInt(500)));
            }
        }
        return new QuestContent(nodes, edges, QuestContent.DEFAULT_BUDGETS, 100, dev.veltrix.progression.quests.BoardRules.DEFAULTS);
    }
}
