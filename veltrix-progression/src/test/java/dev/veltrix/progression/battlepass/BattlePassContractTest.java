package dev.veltrix.progression.battlepass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.progression.hunts.Hunts;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxTail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Battle passes on every database: XP from game events once each, caps and multipliers, tier math, rewards claimed once. */
class BattlePassContractTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private record Fixture(TestDatabases.IsolatedDatabase db, LedgerService ledger, BattlePass pass, XpFeed feed, MutableClock clock)
            implements AutoCloseable {
        static Fixture open(SqlKind kind) {
            var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, Hunts.SCHEMA));
            MutableClock clock = new MutableClock(START.plus(Duration.ofDays(1)));
            LedgerService ledger = new LedgerService(new JooqLedgerStore(db.database(), clock, new ObjectMapper()), LedgerSettings.DEFAULTS,
                    LedgerObserver.NONE);
            ledger.createCurrency(new Currency("coins", "Coins", 0));
            BattlePass pass = new BattlePass(db.database(), clock, ledger);
            return new Fixture(db, ledger, pass, new XpFeed(db.database(), pass, new Leases(db.database(), clock), "test"), clock);
        }

        /** Runs the feed until it has read everything committed. */
        void drain() {
            OutboxTail tail = OutboxTail.after(Outbox.cursor(db.database().dsl(), XpFeed.CONSUMER));
            while (feed.take(tail) > 0) {
                // next batch
            }
        }

        @Override
        public void close() {
            ledger.close();
            db.close();
        }
    }

    private static Season winter(boolean autoClaim) {
        return new Season("winter", "Winter season", START, START.plus(Duration.ofDays(30)), TierCurve.linear(100, 50, 10),
                List.of(new Season.Reward(1, Season.Track.FREE, "coins", 50, null), new Season.Reward(2, Season.Track.PREMIUM, null, 0, "frost-halo")),
                Map.of("mob.killed", new Season.XpSource(10, 100), "block.mined", new Season.XpSource(1, 0)),
                List.of(new Season.Multiplier(START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(3)), 2),
                        new Season.Multiplier(START.plus(Duration.ofDays(4)), START.plus(Duration.ofDays(5)), 3, List.of("mob.killed"), "vip")),
                autoClaim);
    }

    private static EventEnvelope game(UUID id, String type, UUID player, Instant at) {
        return new EventEnvelope(id, "game." + type, player.toString(), at, "game",
                "{\"server\":\"survival-1\",\"player\":\"" + player + "\",\"data\":{}}");
    }

    private static void send(Fixture f, List<EventEnvelope> events) {
        f.db().database().inTransaction(tx -> {
            Outbox.append(tx, events);
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void eachGameEventGivesItsXpOnceWithinTheDailyCapAndTheMultiplier(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
            f.pass().create(winter(false));
            UUID ana = UUID.randomUUID();
            Instant dayOne = START.plus(Duration.ofHours(30));
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                events.add(game(UUID.randomUUID(), "mob.killed", ana, dayOne.plusSeconds(i))); // 150 XP, capped at 100
            }
            events.add(game(UUID.randomUUID(), "block.mined", ana, dayOne.plusSeconds(20)));
            events.add(game(UUID.randomUUID(), "fish.caught", ana, dayOne.plusSeconds(21))); // no XP source
            send(f, events);
            f.drain();
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100 + 1);
            // The feed reads everything again (its cursor lost, as after a restore): nothing counts twice.
            f.db().database().inTransaction(tx -> tx.execute("DELETE FROM outbox_cursors WHERE consumer = ?", XpFeed.CONSUMER));
            f.drain();
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100 + 1);

            Instant doubleDay = START.plus(Duration.ofHours(50));
            send(f, List.of(game(UUID.randomUUID(), "mob.killed", ana, doubleDay), game(UUID.randomUUID(), "block.mined", ana, doubleDay)));
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
            send(f, List.of(new EventEnvelope(UUID.randomUUID(), "game.mob.killed", vip.toString(), vipDay, "game",
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
        try (Fixture f = Fixture.open(kind)) {
            f.pass().create(winter(false));
            UUID bo = UUID.randomUUID();
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                events.add(game(UUID.randomUUID(), "block.mined", bo, START.plus(Duration.ofHours(5)).plusSeconds(i)));
            }
            send(f, events);
            f.drain();
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
    void anAutoClaimingSeasonGrantsRewardsAsTiersAreReached(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
            f.pass().create(winter(true));
            UUID cy = UUID.randomUUID();
            f.pass().grantPremium("winter", cy);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                events.add(game(UUID.randomUUID(), "block.mined", cy, START.plus(Duration.ofHours(6)).plusSeconds(i)));
            }
            send(f, events);
            f.drain();
            assertThat(f.pass().progress("winter", cy).claimed()).containsExactly("1:free", "2:premium");
            assertThat(f.ledger().balance(AccountId.player(cy), "coins")).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void overlappingAndInvalidSeasonsAreRefusedWithWhatToFix(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
            f.pass().create(winter(false));
            Season overlapping = new Season("late-winter", "Late winter", START.plus(Duration.ofDays(20)), START.plus(Duration.ofDays(40)),
                    TierCurve.geometric(100, 1.2, 20), List.of(), Map.of("mob.killed", new Season.XpSource(5, 0)), List.of(), false);
            assertThatThrownBy(() -> f.pass().create(overlapping)).isInstanceOf(ConflictException.class).hasMessageContaining("overlaps season winter");
            Season bad = new Season("Bad", "", START, START, TierCurve.table(List.of(100L, 90L)),
                    List.of(new Season.Reward(5, Season.Track.FREE, "gems", 10, null), new Season.Reward(1, Season.Track.FREE, null, 0, null)),
                    Map.of("Mob", new Season.XpSource(0, -1)), List.of(new Season.Multiplier(START, START, 50),
                            new Season.Multiplier(START, START.plusSeconds(60), 2, List.of("fish.caught"), "a b")), false);
            assertThatThrownBy(() -> f.pass().create(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(err -> err.field()).contains("id", "name", "endsAt", "tiers", "rewards[0].tier",
                            "rewards[0].currency", "rewards[1].currency", "sources.Mob", "sources.Mob.xp", "sources.Mob.dailyCap", "multipliers[0]",
                            "multipliers[1].sources", "multipliers[1].group"));
            assertThat(f.pass().seasons()).extracting(Season::id).containsExactly("winter");
        }
    }
}
