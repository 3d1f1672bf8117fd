package dev.veltrix.progression.quests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Boards made from the valley's templates: who gets what, scaled how, and the same again for the same seed. */
class QuestGeneratorTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3); // a Thursday
    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private static QuestGenerator valley() throws IOException {
        return new QuestGenerator(7, ContentValidatorTest.valley());
    }

    private static List<String> quests(List<GeneratedQuest> board) {
        return board.stream().map(GeneratedQuest::quest).toList();
    }

    @Test
    void aNewPlayerGetsWhatTheirLevelAndHistoryAllow() throws IOException {
        QuestGenerator generator = valley();
        PlayerContext newcomer = new PlayerContext(ANA, 1, "meadow", Map.of(), Set.of());
        assertThat(quests(generator.board(newcomer, QuestGenerator.Board.DAILY, DAY, 1))).containsExactlyInAnyOrder("intro", "ore-run");
        assertThat(generator.board(newcomer, QuestGenerator.Board.WEEKLY, DAY, 1)).extracting(GeneratedQuest::quest).containsExactly("intro");

        // Intro done: the wolf hunt needs the forest's level 5.
        PlayerContext level4 = new PlayerContext(ANA, 4, "meadow", Map.of("intro", DAY.minusDays(1)), Set.of());
        assertThat(quests(generator.board(level4, QuestGenerator.Board.DAILY, DAY, 1))).containsExactly("ore-run");
        PlayerContext level6 = new PlayerContext(ANA, 6, "forest", Map.of("intro", DAY.minusDays(1)), Set.of("ore-run"));
        List<GeneratedQuest> board = generator.board(level6, QuestGenerator.Board.DAILY, DAY, 1);
        assertThat(quests(board)).containsExactly("wolf-hunt");
        // Difficulty 2 (x1.25) in a level-5 region (x1.05): 8 wolves become 11, 3 pelts 4; the rewards are as written.
        assertThat(board.getFirst().goals()).extracting(GeneratedQuest.Goal::target, GeneratedQuest.Goal::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wolf", 11), org.assertj.core.groups.Tuple.tuple("wolf-pelt", 4));
        assertThat(board.getFirst().prizes()).extracting(GeneratedQuest.Prize::reward).containsExactly("wolf-pay", "wolf-pelts");
        assertThat(board.getFirst().version()).isEqualTo(7);
    }

    @Test
    void aCompletedQuestComesBackOnlyIfRepeatableAndAfterTheWindow() throws IOException {
        QuestGenerator generator = valley();
        PlayerContext yesterday = new PlayerContext(ANA, 1, "meadow", Map.of("intro", DAY.minusDays(30), "ore-run", DAY.minusDays(1)), Set.of());
        assertThat(generator.board(yesterday, QuestGenerator.Board.DAILY, DAY, 1)).isEmpty();
        PlayerContext sixDays = new PlayerContext(ANA, 1, "meadow", Map.of("intro", DAY.minusDays(30), "ore-run", DAY.minusDays(6)), Set.of());
        assertThat(generator.board(sixDays, QuestGenerator.Board.DAILY, DAY, 1)).isEmpty();
        PlayerContext week = new PlayerContext(ANA, 1, "meadow", Map.of("intro", DAY.minusDays(30), "ore-run", DAY.minusDays(7)), Set.of());
        assertThat(quests(generator.board(week, QuestGenerator.Board.DAILY, DAY, 1))).containsExactly("ore-run");
    }

    @Test
    void theSamePlayerPeriodAndSeedGiveTheSameBoardAndOthersVary() {
        // Forty templates, three a day: the board depends on the player, the day and the seed, and on nothing else.
        List<ContentNode> nodes = new ArrayList<>(List.of(new ContentNode.Mob("slime", "Slime")));
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nodes.add(new ContentNode.Quest("q" + i, "Quest " + i, 1, 1, 1 + i % 5, true, "daily"));
            nodes.add(new ContentNode.Objective("o" + i, ObjectiveKind.KILL, "slime", 1 + i, null));
            edges.add(new Edge("q" + i, EdgeType.HAS, "o" + i));
        }
        QuestGenerator generator = new QuestGenerator(1, new QuestContent(nodes, edges, QuestContent.DEFAULT_BUDGETS, 100, BoardRules.DEFAULTS));
        PlayerContext ana = new PlayerContext(ANA, 10, "meadow", Map.of(), Set.of());
        List<String> first = quests(generator.board(ana, QuestGenerator.Board.DAILY, DAY, 42));
        assertThat(first).hasSize(3).doesNotHaveDuplicates();
        assertThat(quests(generator.board(ana, QuestGenerator.Board.DAILY, DAY, 42))).isEqualTo(first);
        Set<List<String>> boards = new HashSet<>();
        for (int d = 0; d < 10; d++) {
            boards.add(quests(generator.board(ana, QuestGenerator.Board.DAILY, DAY.plusDays(d), 42)));
        }
        assertThat(boards).as("ten days, ten boards (or nearly)").hasSizeGreaterThan(7);
        assertThat(quests(generator.board(ana, QuestGenerator.Board.DAILY, DAY, 43))).isNotEqualTo(first);
        assertThat(quests(generator.board(new PlayerContext(UUID.randomUUID(), 10, "meadow", Map.of(), Set.of()), QuestGenerator.Board.DAILY, DAY, 42)))
                .isNotEqualTo(first);
    }
}
