package dev.veltrix.progression.quests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Quest content files: what is written reads back the same, and a bad file lists every problem with where it is. */
class ContentFormatTest {

    @Property(tries = 200)
    void exportThenImportGivesTheSameGraph(@ForAll("contents") QuestContent content) {
        ContentFormat.Read fromYaml = ContentFormat.read(ContentFormat.yaml(content));
        assertThat(fromYaml.problems()).isEmpty();
        assertThat(fromYaml.content()).isEqualTo(content);
        ContentFormat.Read fromJson = ContentFormat.read(ContentFormat.json(content));
        assertThat(fromJson.content()).isEqualTo(content);
    }

    @Test
    void aMalformedFileListsEveryProblemWithItsPlace() {
        String file = """
                levelCap: 100
                colour: blue
                nodes:
                  - {id: wolf, type: mob, name: Wolf}
                  - {id: Boss, type: dragon, name: Big}
                  - {id: hunt, type: quest, name: Hunt, difficulty: 9, board: monthly, reward: 5}
                  - {id: kill, type: objective, kind: slay, count: 0}
                  - {id: pay, type: reward, currency: coins, item: pelt}
                edges:
                  - {from: hunt, type: needs, to: wolf}
                  - {from: hunt, to: kill}
                """;
        ContentFormat.Read read = ContentFormat.read(file);
        assertThat(read.content()).isNull();
        assertThat(read.problems()).extracting(ContentProblem::where).containsExactlyInAnyOrder("colour", "nodes[1].id", "nodes[1].type",
                "nodes[2].reward", "nodes[2].difficulty", "nodes[2].board", "nodes[3].kind", "nodes[3].target", "nodes[3].count", "nodes[4]", "nodes[4].amount",
                "edges[0].type", "edges[1].type");
        assertThat(read.problems()).filteredOn(p -> p.where().equals("nodes[1].type")).first().extracting(ContentProblem::message)
                .asString().contains("unknown node type \"dragon\"", "quest");
        assertThat(ContentFormat.read("nodes: [ {id: a").problems()).singleElement().extracting(ContentProblem::message).asString()
                .contains("line 1", "not YAML or JSON");
    }

    @Provide
    Arbitrary<QuestContent> contents() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_.:").ofMinLength(1).ofMaxLength(20)
                .filter(s -> ContentFormat.ID.matcher(s).matches());
        Arbitrary<String> names = Arbitraries.strings().alpha().numeric().withChars(" '-éü").ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank());
        Arbitrary<ContentNode> nodes = Arbitraries.oneOf(
                Combinators.combine(ids, names).as(ContentNode.Mob::new),
                Combinators.combine(ids, names, Arbitraries.longs().between(0, 1_000_000)).as(ContentNode.Item::new),
                Combinators.combine(ids, names, Arbitraries.integers().between(1, 10_000)).as(ContentNode.Region::new),
                Combinators.combine(ids, names).as(ContentNode.Npc::new),
                Combinators.combine(ids, names, Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 500),
                        Arbitraries.integers().between(1, 1000), Arbitraries.of(true, false), Arbitraries.of("daily", "weekly", "any"))
                        .as(ContentNode.Quest::new),
                Combinators.combine(ids, Arbitraries.of(ObjectiveKind.class), ids, Arbitraries.integers().between(1, 10_000), ids)
                        .as((id, kind, target, count, to) -> (ContentNode) new ContentNode.Objective(id, kind, target, count,
                                kind == ObjectiveKind.DELIVER ? to : null)),
                Combinators.combine(ids, Arbitraries.of("coins", "gems"), Arbitraries.longs().between(1, 100_000)).as((id, c, a) ->
                        (ContentNode) new ContentNode.Reward(id, c, a, null, 0, null)),
                Combinators.combine(ids, ids, Arbitraries.integers().between(1, 10_000)).as((id, item, n) ->
                        (ContentNode) new ContentNode.Reward(id, null, 0, item, n, null)),
                Combinators.combine(ids, Arbitraries.of("give {player} diamond 1", "say {player} finished a quest")).as((id, cmd) ->
                        (ContentNode) new ContentNode.Reward(id, null, 0, null, 0, cmd)));
        Arbitrary<Edge> edges = Combinators.combine(ids, Arbitraries.of(EdgeType.class), ids).as(Edge::new);
        Arbitrary<SortedMap<Integer, Long>> budgets = Arbitraries.longs().between(0, 1_000_000).list().ofSize(5).map(values -> {
            SortedMap<Integer, Long> map = new TreeMap<>();
            for (int d = 1; d <= 5; d++) {
                map.put(d, values.get(d - 1));
            }
            return map;
        });
        Arbitrary<BoardRules> boards = Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(1, 3_650), Arbitraries.longs()).as(BoardRules::new);
        return Combinators.combine(nodes.list().ofMaxSize(30), edges.list().ofMaxSize(30), budgets, Arbitraries.integers().between(1, 10_000), boards)
                .as((n, e, b, cap, rules) -> new QuestContent(new ArrayList<>(n), List.copyOf(e), b, cap, rules));
    }
}
