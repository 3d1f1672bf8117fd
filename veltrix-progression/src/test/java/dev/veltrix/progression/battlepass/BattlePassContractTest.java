package dev.veltrix.progression.battlepass;

import static dev.veltrix.progression.battlepass.BattlePassFixture.START;
import static dev.veltrix.progression.battlepass.BattlePassFixture.game;
import static dev.veltrix.progression.battlepass.BattlePassFixture.games;
import static dev.veltrix.progression.battlepass.BattlePassFixture.winter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.storage.SqlKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Battle passes on every database: XP from game events once each, caps and multipliers, tier math, rewards claimed once. */
class BattlePassContractTest {
    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void eachGameEventGivesItsXpOnceWithinTheDailyCapAndTheMultiplier(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(false));
            UUID ana = UUID.randomUUID();
            Instant dayOne = START.plus(Duration.ofHours(30));
            List<EventEnvelope> events = new ArrayList<>(games("mob.killed", ana, 15, dayOne)); // 150 XP, capped at 100
            events.add(game(UUID.randomUUID(), "block.mined", ana, dayOne.plusSeconds(20)));
            events.add(game(UUID.randomUUID(), "fish.caught", ana, dayOne.plusSeconds(21))); // no XP source
            f.send(events);
            f.drain();
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100 + 1);
            // The feed reads everything again (its cursor lost, as after a restore): nothing counts twice.
            f.drainFromStart();
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100 + 1);

            Instant doubleDay = START.plus(Duration.ofHours(50));
            f.send(List.of(game(UUID.randomUUID(), "mob.killed", ana, doubleDay), game(UUID.randomUUID(), "block.mined", ana, doubleDay)));
            f.drain();
            Progress progress = f.pass().progress("winter", ana);
            assertThat(progress.xp()).isEqualTo(101 + 20 + 2);
            assertThat(progress.tier()).isEqualTo(1); // tier 1 at 100, tier 2 at 150
            assertThat(progress.nextTierXp()).isEqualTo(150);
            assertThat(progress.thresholds()).startsWith(100L, 150L, 200L);
            List<XpGrant> history = f.pass().history("winter", ana, 100);
            assertThat(history).hasSize(18);
            assertThat(history).filteredOn(g -> g.source().equals("mob.killed") && g.xp() == 0).as("capped, and shown as such").hasSize(5);
            f.drain(); // nothing new: nothing changes
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(123);

            // Triple XP for vip members' kills on day five: a member's kill counts 30, a non-member's 10, a member's block 1.
            Instant vipDay = START.plus(Duration.ofHours(100));
            UUID vip = UUID.randomUUID();
            f.send(List.of(new EventEnvelope(UUID.randomUUID(), "game.mob.killed", vip.toString(), vipDay, "game",
                            "{\"player\":\"" + vip + "\",\"data\":{\"group\":\"vip\"}}"),
                    new EventEnvelope(UUID.randomUUID(), "game.block.mined", vip.toString(), vipDay, "game",
                            "{\"player\":\"" + vip + "\",\"data\":{\"group\":\"vip\"}}"),
                    game(UUID.randomUUID(), "mob.killed", ana, vipDay)));
            f.drain();
            assertThat(f.pass().progress("winter", vip).xp()).isEqualTo(30 + 1);
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(123 + 10);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void rewardsAreClaimedOnceThePremiumTrackNeedsPremiumAndAutoClaimGrantsAsTiersAreReached(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(false));
            UUID bo = UUID.randomUUID();
            f.mine(bo, 160, START.plus(Duration.ofHours(5)));
            assertThatThrownBy(() -> f.pass().claim("winter", bo, 3, Season.Track.FREE)).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("needs 200 XP");
            f.pass().claim("winter", bo, 1, Season.Track.FREE);
            f.pass().claim("winter", bo, 1, Season.Track.FREE);
            assertThat(f.ledger().balance(AccountId.player(bo), "coins")).isEqualTo(50);
            assertThatThrownBy(() -> f.pass().claim("winter", bo, 2, Season.Track.PREMIUM)).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("premium");
            f.pass().grantPremium("winter", bo);
            assertThat(f.pass().claim("winter", bo, 2, Season.Track.PREMIUM).claimed()).containsExactly("1:free", "2:premium");
            assertThat(f.pass().leaderboard("winter", 10)).extracting(Progress::player).containsExactly(bo.toString());
            assertThat(f.ledger().verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void commandAndItemRewardsAreQueuedOnceInTheTransactionOfTheirClaim(SqlKind kind) throws Exception {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(false));
            UUID di = UUID.randomUUID();
            f.pass().grantPremium("winter", di);
            f.mine(di, 200, START.plus(Duration.ofHours(7)));
            // Eight claims of each in-game reward at once, as double clicks and retries arrive.
            try (var pool = Executors.newFixedThreadPool(8)) {
                List<Future<Progress>> claims = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    claims.add(pool.submit(() -> f.pass().claim("winter", di, 3, Season.Track.FREE)));
                    claims.add(pool.submit(() -> f.pass().claim("winter", di, 3, Season.Track.PREMIUM)));
                }
                for (Future<Progress> claim : claims) {
                    claim.get();
                }
            }
            assertThat(f.queued()).containsExactlyInAnyOrder(
                    "pass:winter:" + di + ":3:FREE COMMAND * give {player} diamond 3",
                    "pass:winter:" + di + ":3:PREMIUM ITEM survival hytale:frost_gem 2");
            assertThat(f.pass().progress("winter", di).claimed()).contains("3:free", "3:premium");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void anEndedSeasonIsArchivedOnceWithWhatWasReachedGrantedAndItsStandingsFinal(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(false));
            SeasonArchive archive = new SeasonArchive(f.db().database(), f.clock(), f.pass());
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            UUID third = UUID.randomUUID();
            f.mine(first, 160, START.plus(Duration.ofHours(8)));   // tier 2, never claimed
            f.mine(second, 120, START.plus(Duration.ofHours(9)));  // tier 1, claimed already
            f.mine(third, 110, START.plus(Duration.ofHours(10)));  // tier 1 too
            f.pass().claim("winter", second, 1, Season.Track.FREE);
            assertThatThrownBy(() -> archive.archive("winter")).isInstanceOf(RejectedException.class).hasMessageContaining("runs until");
            assertThatThrownBy(() -> archive.standings("winter", 10)).isInstanceOf(RejectedException.class).hasMessageContaining("not archived");
            assertThat(archive.archiveEnded()).isZero();

            f.clock().advance(Duration.ofDays(30));
            assertThat(archive.archiveEnded()).isEqualTo(1);
            assertThat(archive.archiveEnded()).as("once").isZero();
            archive.archive("winter"); // again by hand: nothing changes
            // Nobody lost what they reached: tier 1's 50 coins each, paid once; the premium track stays locked without premium.
            assertThat(f.ledger().balance(AccountId.player(first), "coins")).isEqualTo(50);
            assertThat(f.ledger().balance(AccountId.player(second), "coins")).isEqualTo(50);
            assertThat(f.ledger().balance(AccountId.player(third), "coins")).isEqualTo(50);
            assertThat(archive.standings("winter", 10)).extracting(Standing::player, Standing::place, Standing::xp, Standing::tier, Standing::rewards)
                    .containsExactly(Tuple.tuple(first.toString(), 1, 160L, 2, 1),
                            Tuple.tuple(second.toString(), 2, 120L, 1, 1),
                            Tuple.tuple(third.toString(), 3, 110L, 1, 1));
            assertThat(archive.of(third)).extracting(Standing::season, Standing::place).containsExactly(Tuple.tuple("winter", 3));
            assertThatThrownBy(() -> f.pass().claim("winter", first, 1, Season.Track.FREE)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("archived");
            // An event from inside the season that arrives after the archive counts no more.
            f.mine(third, 100, START.plus(Duration.ofHours(11)));
            assertThat(f.pass().progress("winter", third).xp()).isEqualTo(110);
            assertThat(f.ledger().verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aSeasonIsRedefinedUntilItStartsAndNeverAfter(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            Season spring = new Season("spring", "Spring", START.plus(Duration.ofDays(40)), START.plus(Duration.ofDays(70)), TierCurve.linear(100, 50, 10),
                    List.of(), Map.of("mob.killed", new Season.XpSource(10, 0)), List.of(), false);
            assertThat(f.pass().save(spring)).isTrue();
            Season renamed = new Season("spring", "Spring bloom", spring.startsAt(), spring.endsAt(), TierCurve.linear(200, 50, 20),
                    List.of(new Season.Reward(20, Season.Track.FREE, "coins", 500, null)), spring.sources(), List.of(), true);
            assertThat(f.pass().save(renamed)).as("redefined, not created").isFalse();
            assertThat(f.pass().season("spring")).isEqualTo(renamed);
            assertThat(f.pass().seasons()).hasSize(1);
            f.clock().advance(Duration.ofDays(40));
            assertThatThrownBy(() -> f.pass().save(spring)).isInstanceOf(ConflictException.class).hasMessageContaining("started at");
            assertThat(f.pass().season("spring").name()).isEqualTo("Spring bloom");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void anAutoClaimingSeasonGrantsRewardsAsTiersAreReached(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(true));
            UUID cy = UUID.randomUUID();
            f.pass().grantPremium("winter", cy);
            f.mine(cy, 150, START.plus(Duration.ofHours(6)));
            assertThat(f.pass().progress("winter", cy).claimed()).containsExactly("1:free", "2:premium");
            assertThat(f.ledger().balance(AccountId.player(cy), "coins")).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void overlappingAndInvalidSeasonsAreRefusedWithWhatToFix(SqlKind kind) {
        try (BattlePassFixture f = BattlePassFixture.open(kind)) {
            f.pass().save(winter(false));
            Season overlapping = new Season("late-winter", "Late winter", START.plus(Duration.ofDays(20)), START.plus(Duration.ofDays(40)),
                    TierCurve.geometric(100, 1.2, 20), List.of(), Map.of("mob.killed", new Season.XpSource(5, 0)), List.of(), false);
            assertThatThrownBy(() -> f.pass().save(overlapping)).isInstanceOf(ConflictException.class).hasMessageContaining("overlaps season winter");
            Season bad = new Season("Bad", "", START, START, TierCurve.table(List.of(100L, 90L)),
                    List.of(new Season.Reward(5, Season.Track.FREE, "gems", 10, null), new Season.Reward(1, Season.Track.FREE, null, 0, null),
                            Season.Reward.command(1, Season.Track.PREMIUM, "give {player} gem {order}", "*"),
                            Season.Reward.item(2, Season.Track.FREE, "Iron Sword", 0, "no group!"),
                            Season.Reward.item(2, Season.Track.PREMIUM, "hytale:gem", 20_000, "*")),
                    Map.of("Mob", new Season.XpSource(0, -1)), List.of(new Season.Multiplier(START, START, 50),
                            new Season.Multiplier(START, START.plusSeconds(60), 2, List.of("fish.caught"), "a b")), false);
            assertThatThrownBy(() -> f.pass().save(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(err -> err.field()).contains("id", "name", "endsAt", "tiers", "rewards[0].tier",
                            "rewards[0].currency", "rewards[1].currency", "rewards[2].command", "rewards[3].item", "rewards[3].group",
                            "rewards[4].count", "sources.Mob", "sources.Mob.xp", "sources.Mob.dailyCap", "multipliers[0]",
                            "multipliers[1].sources", "multipliers[1].group"));
            assertThat(f.pass().seasons()).extracting(Season::id).containsExactly("winter");
        }
    }
}
