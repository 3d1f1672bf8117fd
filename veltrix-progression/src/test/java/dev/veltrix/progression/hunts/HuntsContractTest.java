package dev.veltrix.progression.hunts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.progression.TestLedgers;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Treasure hunts on every database: exactly N winners whatever the race, the rules of a find, and a timeline that rebuilds the state. */
class HuntsContractTest {
    private static final Instant START = Instant.parse("2026-12-01T18:00:00Z");

    private record Fixture(TestDatabases.IsolatedDatabase db, LedgerService ledger, Hunts hunts, MutableClock clock) implements AutoCloseable {
        static Fixture open(SqlKind kind) {
            var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, Hunts.SCHEMA));
            MutableClock clock = new MutableClock(START.plusSeconds(60));
            LedgerService ledger = TestLedgers.open(db.database(), clock, "gems");
            return new Fixture(db, ledger, new Hunts(db.database(), clock, ledger), clock);
        }

        @Override
        public void close() {
            ledger.close();
            db.close();
        }
    }

    private static Hunt winterHunt(boolean ordered) {
        return new Hunt("winter", "Winter hunt", START, START.plus(Duration.ofDays(2)), ordered, "gems", 50, 2, List.of(
                new Treasure("bell", 1, "Where the bells ring", "world", 100, 64, -20, 5, null, 10, "gems", 100),
                new Treasure("star", 2, "On the tallest tree", "world", 300, 90, 40, 3, null, 1, null, 0),
                new Treasure("gift", 3, "Hidden in a chest", null, 0, 0, 0, 0, "hunt:golden_gift", 3, "gems", 20)));
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aThousandFindsAtTheSameInstantCrownExactlyNWinnersAndPayEachOnce(SqlKind kind) throws Exception {
        try (Fixture f = Fixture.open(kind)) {
            f.hunts().save(winterHunt(false));
            List<UUID> players = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                players.add(UUID.randomUUID());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Find>> finds = new ArrayList<>();
            try (ExecutorService servers = Executors.newFixedThreadPool(32)) {
                for (UUID player : players) {
                    finds.add(servers.submit(() -> {
                        go.await();
                        return f.hunts().find("winter", "bell", player, new Sighting.At("world", 101, 64, -21));
                    }));
                }
                go.countDown();
            }
            List<Find> results = new ArrayList<>();
            for (Future<Find> find : finds) {
                results.add(find.get());
            }
            assertThat(results).extracting(Find::rank).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 1_000).boxed().toList());
            List<Find> winners = results.stream().filter(Find::winner).toList();
            assertThat(winners).hasSize(10).allSatisfy(w -> assertThat(w.rank()).isLessThanOrEqualTo(10));

            f.hunts().payRewards("winter"); // again: nothing more is paid
            for (UUID player : players) {
                boolean won = winners.stream().anyMatch(w -> w.player().equals(player.toString()));
                assertThat(f.ledger().balance(AccountId.player(player), "gems")).isEqualTo(won ? 100 : 0);
            }
            assertThat(f.ledger().balance(Hunts.SPONSOR, "gems")).isEqualTo(-1_000);
            assertThat(f.ledger().verify()).isEmpty();
            assertThat(announced(f, "hunt.found")).as("every accepted find is announced").isEqualTo(1_000);

            HuntState live = f.hunts().state("winter");
            assertThat(live.finders().get("bell")).hasSize(1_000);
            assertThat(f.hunts().rebuild("winter")).isEqualTo(live);
            assertThat(f.hunts().state("winter")).as("the projection rebuilt from the timeline is the same").isEqualTo(live);
        }
    }

    private static long announced(Fixture f, String type) {
        long count = 0;
        long after = 0;
        while (true) {
            var page = Outbox.readAfter(f.db().database().dsl(), after, Outbox.READ_LIMIT_MAX);
            if (page.isEmpty()) {
                return count;
            }
            count += page.stream().filter(e -> e.event().type().equals(type)).count();
            after = page.getLast().seq();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aFindCountsOnlyInTheWindowWithinTheRadiusInClueOrderAndOncePerPlayer(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
            f.hunts().save(winterHunt(true));
            UUID ada = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            assertThatThrownBy(() -> f.hunts().find("winter", "bell", ada, new Sighting.At("world", 120, 64, -20)))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("within 5.0 blocks").hasMessageContaining("20.0 blocks away");
            assertThatThrownBy(() -> f.hunts().find("winter", "bell", ada, new Sighting.At("nether", 100, 64, -20)))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("another world");
            assertThatThrownBy(() -> f.hunts().find("winter", "star", ada, new Sighting.At("world", 300, 90, 40)))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("find bell");
            assertThatThrownBy(() -> f.hunts().find("winter", "gift", ada, new Sighting.Holding("hunt:coal")))
                    .isInstanceOf(RejectedException.class);
            assertThatThrownBy(() -> f.hunts().find("winter", "nope", ada, new Sighting.At("world", 0, 0, 0)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.hunts().find("summer", "bell", ada, new Sighting.At("world", 0, 0, 0)))
                    .isInstanceOf(NotFoundException.class);

            Find first = f.hunts().find("winter", "bell", ada, new Sighting.At("world", 100, 64, -20));
            assertThat(first.rank()).isEqualTo(1);
            assertThat(f.hunts().find("winter", "bell", ada, new Sighting.At("world", 100, 64, -20))).isEqualTo(
                    new Find("winter", "bell", ada.toString(), 1, true, true, null));
            f.hunts().find("winter", "star", ada, new Sighting.At("world", 301, 90, 41));
            Find done = f.hunts().find("winter", "gift", ada, new Sighting.Holding("hunt:golden_gift"));
            assertThat(done.finishedRank()).isEqualTo(1);
            assertThat(f.ledger().balance(AccountId.player(ada), "gems")).isEqualTo(100 + 20 + 50);

            f.hunts().find("winter", "bell", bob, new Sighting.At("world", 100, 66, -20));
            assertThat(f.hunts().leaderboard("winter", 10)).extracting(Standing::player, Standing::found, Standing::finished)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ada.toString(), 3, true),
                            org.assertj.core.groups.Tuple.tuple(bob.toString(), 1, false));

            f.clock().advance(Duration.ofDays(3));
            assertThatThrownBy(() -> f.hunts().find("winter", "star", bob, new Sighting.At("world", 300, 90, 40)))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("do not count");
            assertThat(f.hunts().timeline("winter")).extracting(HuntEvent::kind)
                    .containsExactly("created", "found", "rewarded", "found", "found", "finished", "rewarded", "rewarded", "found", "rewarded");
            assertThat(f.hunts().rebuild("winter")).isEqualTo(f.hunts().state("winter"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aBadHuntIsRefusedWithEveryProblemAndNothingCreated(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
            Hunt bad = new Hunt("Bad Id", "", START, START.minusSeconds(1), false, "coins", 0, -1, List.of(
                    new Treasure("a", 1, "x", null, 0, 0, 0, 0, null, 0, "gems", 0),
                    new Treasure("a", 1, "", "world", 0, 0, 0, 5000, null, 1, null, 0)));
            assertThatThrownBy(() -> f.hunts().save(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(err -> err.field()).contains("id", "name", "endsAt", "finishCurrency", "finishAmount",
                            "finishWinners", "treasures[0].world", "treasures[0].winners", "treasures[0].rewardAmount", "treasures[1].id",
                            "treasures[1].position", "treasures[1].clue", "treasures[1].world"));
            assertThat(f.hunts().list()).isEmpty();
            f.hunts().save(winterHunt(false));
            assertThatThrownBy(() -> f.hunts().save(winterHunt(true))).isInstanceOf(dev.veltrix.core.error.ConflictException.class)
                    .hasMessageContaining("started at");
            assertThat(f.hunts().hunt("winter").ordered()).as("unchanged").isFalse();
            // Before it starts, a hunt is redefined, and its timeline says so.
            Hunt later = new Hunt("spring", "Spring hunt", START.plus(Duration.ofDays(10)), START.plus(Duration.ofDays(12)), false, null, 0, 0,
                    List.of(new Treasure("egg", 1, "Under the oak", "world", 10, 70, 10, 4, null, 2, null, 0)));
            assertThat(f.hunts().save(later)).isTrue();
            Hunt moved = new Hunt("spring", "Spring hunt", later.startsAt(), later.endsAt(), true, null, 0, 0,
                    List.of(new Treasure("egg", 1, "Under the elm", "world", -30, 70, 55, 6, null, 2, null, 0),
                            new Treasure("nest", 2, "Up high", "world", 0, 120, 0, 3, null, 1, null, 0)));
            assertThat(f.hunts().save(moved)).as("redefined, not created").isFalse();
            assertThat(f.hunts().hunt("spring")).isEqualTo(moved);
            assertThat(f.hunts().timeline("spring")).extracting(HuntEvent::kind).containsExactly("created", "redefined");
        }
    }
}
