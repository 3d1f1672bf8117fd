package dev.veltrix.progression.quests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Content is checked as a whole: a sound graph passes, and a broken one gets every problem, each where it is. */
class ContentValidatorTest {
    private static final ContentValidator VALIDATOR = new ContentValidator(Set.of("coins")::contains);

    static QuestContent valley() throws IOException {
        try (InputStream in = ContentValidatorTest.class.getResourceAsStream("/quests/valley.yaml")) {
            ContentFormat.Read read = ContentFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(read.problems()).isEmpty();
            return read.content();
        }
    }

    @Test
    void aSoundGraphHasNoProblems() throws IOException {
        assertThat(VALIDATOR.validate(valley())).isEmpty();
    }

    @Test
    void everyProblemIsListedWithWhereItIsAndTheNodeItConcerns() throws IOException {
        QuestContent valley = valley();
        List<ContentNode> nodes = new ArrayList<>(valley.nodes());
        List<Edge> edges = new ArrayList<>(valley.edges());
        nodes.add(new ContentNode.Mob("wolf", "Another wolf"));                                               // 22: id twice
        nodes.add(new ContentNode.Quest("lost", "Lost quest", 1, 1, 1, false, "any"));                       // 23: no objective
        nodes.add(new ContentNode.Objective("stray", ObjectiveKind.KILL, "forest", 1, null));                // 24: a region, no quest
        nodes.add(new ContentNode.Quest("egg", "Egg", 1, 1, 1, false, "any"));                               // 25: cycle with hen
        nodes.add(new ContentNode.Quest("hen", "Hen", 1, 1, 1, false, "any"));                               // 26
        nodes.add(new ContentNode.Quest("chick", "Chick", 1, 1, 1, false, "any"));                           // 27: requires egg
        nodes.add(new ContentNode.Quest("summit", "Summit", 1, 120, 1, false, "any"));                       // 28: above the cap
        nodes.add(new ContentNode.Objective("find-dragon", ObjectiveKind.KILL, "dragon", 1, null));          // 29: unknown mob
        nodes.add(new ContentNode.Reward("gems-pay", "gems", 10, null, 0, null));                            // 30: unknown currency
        nodes.add(new ContentNode.Reward("relic", null, 0, "relic", 1, null));                               // 31: unknown item
        nodes.add(new ContentNode.Reward("hoard", "coins", 5_000, null, 0, null));                           // 32: over budget
        for (String q : List.of("egg", "hen", "chick", "summit")) {
            edges.add(new Edge(q, EdgeType.HAS, "find-dragon"));
        }
        edges.add(new Edge("egg", EdgeType.REQUIRES, "hen"));                                                // 23
        edges.add(new Edge("hen", EdgeType.REQUIRES, "egg"));                                                // 24
        edges.add(new Edge("chick", EdgeType.REQUIRES, "egg"));                                              // 25
        edges.add(new Edge("ore-run", EdgeType.REWARDS, "hoard"));                                           // 26
        edges.add(new Edge("ore-run", EdgeType.REWARDS, "gems-pay"));                                        // 27
        edges.add(new Edge("ore-run", EdgeType.REWARDS, "relic"));                                           // 28
        edges.add(new Edge("intro", EdgeType.REQUIRES, "nowhere"));                                          // 29: to nothing
        edges.add(new Edge("wolf", EdgeType.HAS, "kill-wolves"));                                            // 30: a mob has no objectives
        QuestContent broken = new QuestContent(nodes, edges, valley.budgets(), valley.levelCap(), valley.boards());

        List<ContentProblem> problems = VALIDATOR.validate(broken);
        assertThat(problems).extracting(ContentProblem::where).containsExactlyInAnyOrder(
                "nodes[22].id", "nodes[23]", "nodes[24].target", "nodes[24]", "edges[23]", "nodes[27]", "nodes[28]", "nodes[29].target",
                "nodes[30].currency", "nodes[31].item", "nodes[19]", "edges[29].to", "edges[30].type");
        assertThat(problems).filteredOn(p -> p.where().equals("edges[23]")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("prerequisite cycle", "egg requires hen requires egg", "remove one of the requires edges");
        });
        assertThat(problems).filteredOn(p -> p.where().equals("nodes[27]")).singleElement().extracting(ContentProblem::message).asString()
                .contains("no player can ever reach", "requires egg");
        assertThat(problems).filteredOn(p -> p.where().equals("nodes[28]")).singleElement().extracting(ContentProblem::message).asString()
                .contains("level 120 is above the level cap 100");
        assertThat(problems).filteredOn(p -> p.where().equals("nodes[19]")).singleElement().satisfies(p -> {
            assertThat(p.node()).isEqualTo("ore-run");
            assertThat(p.message()).contains("worth 5070", "budget of difficulty 1 (100)");
        });
        assertThat(problems).filteredOn(p -> p.where().equals("nodes[24].target")).singleElement().extracting(ContentProblem::message).asString()
                .contains("forest is a region; a kill objective names a mob");
    }
}
