package dev.veltrix.progression.battlepass;

import static dev.veltrix.progression.battlepass.BattlePassFixture.START;
import static dev.veltrix.progression.battlepass.BattlePassFixture.game;
import static dev.veltrix.progression.battlepass.BattlePassFixture.games;
import static dev.veltrix.progression.battlepass.BattlePassFixture.winter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.storage.SqlKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A player's XP history and totals on every database: history read newest first across the outbox's segments, and
 * totals folded behind the grants a slice at a time, exact before and after each fold.
 */
class XpTotalsContractTest {
    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aPlayersHistorySpanningManySegmentsOfTheOutboxIsReadNewestFirstAndWholeAfterTheFeedReadsItAgain(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(false));
            UUID ana = UUID.randomUUID();
            UUID bo = UUID.randomUUID();
            Instant at = START.plus(Duration.ofHours(6));
            int filler = (1 << BattlePass.SEGMENT_BITS) + 100; // more than one segment of other events between ana's
            List<UUID> anas = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                UUID id = UUID.randomUUID();
                anas.add(id);
                List<EventEnvelope> events = new ArrayList<>();
                events.add(game(id, "block.mined", ana, at.plusSeconds(round)));
                for (int i = 0; i < filler; i++) {
                    events.add(game(UUID.randomUUID(), "block.mined", bo, at.plusSeconds(round)));
                }
                f.send(events);
            }
            f.drain();

            List<XpGrant> history = f.pass().history("winter", ana, 10);
            assertThat(history).extracting(XpGrant::event).containsExactly(anas.get(2), anas.get(1), anas.get(0));
            assertThat(f.pass().history("winter", ana, 2)).extracting(XpGrant::event).containsExactly(anas.get(2), anas.get(1));
            // A limit that ends inside a segment: bo's grants fill every segment of the outbox between ana's.
            assertThat(f.pass().history("winter", bo, 2 * filler + 7)).hasSize(2 * filler + 7);
            assertThat(f.pass().history("winter", bo, 10 * filler)).hasSize(3 * filler);
            assertThat(f.pass().progress("winter", bo).xp()).isEqualTo(3L * filler);

            // Read again from the start (the cursor lost): every grant is known by its position and counts once.
            f.drainFromStart();
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(3);
            assertThat(f.pass().progress("winter", bo).xp()).isEqualTo(3L * filler);
            assertThat(f.pass().history("winter", ana, 10)).hasSize(3);
        }
    }


    /** A player id in a chosen slice of the XP folds (the first hex digit of the id). */
    private static UUID inSlice(int slice) {
        return UUID.fromString(Integer.toHexString(slice) + UUID.randomUUID().toString().substring(1));
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void xpIsExactBeforeAndAfterItsSliceIsFoldedAndEachGrantIsFoldedOnceWithTheDailyCapKeptAcrossFoldsAndRestarts(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(false));
            XpFeed holding = f.feedFoldingOnlyWhenTold();
            UUID ana = inSlice(0);
            UUID bo = inSlice(15);
            Instant day = START.plus(Duration.ofHours(30));
            f.send(games("mob.killed", ana, 6, day)); // 60 of the day's 100 from kills
            f.send(games("mob.killed", bo, 2, day));
            f.drain(holding);
            assertThat(f.foldedXp(ana)).as("not folded yet").isZero();
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(60);
            assertThat(f.pass().leaderboard("winter", 10)).extracting(Progress::player, Progress::xp)
                    .containsExactly(tuple(ana.toString(), 60L), tuple(bo.toString(), 20L));

            holding.fold(0, f.feedCursor()); // ana's slice only
            assertThat(f.foldedXp(ana)).isEqualTo(60);
            assertThat(f.foldedXp(bo)).isZero();
            assertThat(f.pass().progress("winter", ana).xp()).as("folded, not counted again").isEqualTo(60);
            assertThat(f.pass().leaderboard("winter", 10)).extracting(Progress::xp).containsExactly(60L, 20L);

            // The day's cap counts the folded 60 and what is counted after the fold: 4 of 6 more kills give XP.
            f.send(games("mob.killed", ana, 6, day.plusSeconds(60)));
            f.drain(holding);
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100);
            assertThat(f.pass().history("winter", ana, 100)).hasSize(12).filteredOn(g -> g.xp() == 0).hasSize(2);

            // A new feed (a restart, or another node taking the lease) reads back what was not folded: the cap holds,
            // and bo's next grant links to his grants not folded yet.
            XpFeed restarted = f.feedFoldingOnlyWhenTold();
            f.send(games("mob.killed", ana, 3, day.plusSeconds(120)));
            f.send(games("mob.killed", bo, 1, day.plusSeconds(120)));
            f.drain(restarted);
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100);
            assertThat(f.pass().progress("winter", bo).xp()).isEqualTo(30);
            assertThat(f.pass().history("winter", bo, 10)).hasSize(3);

            // Folding everything counted (as an archive does), twice: each grant reaches the rows once.
            for (int i = 0; i < 2; i++) {
                f.db().database().inTransaction(tx -> {
                    XpFold.foldCounted(tx, f.clock().millis());
                    return null;
                });
                assertThat(f.foldedXp(ana)).isEqualTo(100);
                assertThat(f.foldedXp(bo)).isEqualTo(30);
            }
            // A fold from where the restarted feed last saw bo's slice finds the position moved and writes nothing.
            restarted.fold(15, f.feedCursor());
            assertThat(f.foldedXp(bo)).isEqualTo(30);
            assertThat(f.pass().progress("winter", bo).xp()).isEqualTo(30);
            assertThat(f.pass().history("winter", bo, 10)).hasSize(3);
            f.send(games("mob.killed", ana, 1, day.plusSeconds(180)));
            f.drain(restarted);
            assertThat(f.pass().progress("winter", ana).xp()).as("capped after the folds too").isEqualTo(100);
        }
    }
}
