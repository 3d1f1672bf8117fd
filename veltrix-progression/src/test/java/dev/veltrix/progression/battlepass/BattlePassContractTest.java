package dev.veltrix.progression.battlepass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.progression.TestLedgers;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.progression.hunts.Hunts;
import dev.veltrix.progression.rewards.GameDeliveries;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Battle passes on every database: XP from game events once each, caps and multipliers, tier math, rewards claimed once. */
class BattlePassContractTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private record Fixture(TestDatabases.IsolatedDatabase db, LedgerService ledger, BattlePass pass, XpFeed feed, MutableClock clock,
                           List<String> queued) implements AutoCloseable {
        static Fixture open(SqlKind kind) {
            var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, Hunts.SCHEMA));
            MutableClock clock = new MutableClock(START.plus(Duration.ofDays(1)));
            LedgerService ledger = TestLedgers.open(db.database(), clock, "coins");
            List<String> queued = new CopyOnWriteArrayList<>();
            // The delivery queue is the store's (tested with it in the server); here it notes what was queued, and
            // whether the claim it delivers was visible in the same transaction.
            GameDeliveries deliveries = new GameDeliveries() {
                @Override
                public void queue(DSLContext tx, String reference, UUID player, InGame what) {
                    String[] key = reference.split(":");
                    boolean claimed = tx.fetchExists(tx.selectOne().from("pass_claims").where("season_id = ? and player = ? and tier = ? and track = ?",
                            key[1], key[2], Integer.parseInt(key[3]), key[4]));
                    queued.add(reference + " " + what.kind() + " " + what.group() + " " + what.text() + (claimed ? "" : " (claim not visible)"));
                }

                @Override
                public void sendPending(UUID player) {
                }
            };
            BattlePass pass = new BattlePass(db.database(), clock, ledger, deliveries);
            return new Fixture(db, ledger, pass, new XpFeed(db.database(), pass, new Leases(db.database(), clock), "test"), clock, queued);
        }

        /** Runs the feed until it has read everything committed. */
        void drain() {
            drain(feed);
        }

        void drain(XpFeed running) {
            OutboxTail tail = OutboxTail.after(Outbox.cursor(db.database().dsl(), XpFeed.CONSUMER));
            while (running.take(tail) > 0) {
                // next batch
            }
        }

        /** A second feed on the same database (as after a restart, or on another node) that folds only when told. */
        XpFeed feedFoldingOnlyWhenTold() {
            return new XpFeed(db.database(), pass, new Leases(db.database(), clock), "test", Duration.ofDays(365));
        }

        /** A player's XP in their progress row alone: what folds have put there. */
        long foldedXp(UUID player) {
            Long xp = db.database().dsl().select(BattlePass.P_XP).from(BattlePass.PROGRESS)
                    .where(BattlePass.P_SEASON.eq("winter"), BattlePass.P_PLAYER.eq(player.toString())).fetchOne(BattlePass.P_XP);
            return xp == null ? 0 : xp;
        }

        long feedCursor() {
            return Outbox.cursor(db.database().dsl(), XpFeed.CONSUMER);
        }

        /** Loses the feed's cursor (as after a restore) and runs it over the whole outbox again. */
        void drainFromStart() {
            db.database().inTransaction(tx -> tx.execute("DELETE FROM outbox_cursors WHERE consumer = ?", XpFeed.CONSUMER));
            drain();
        }

        @Override
        public void close() {
            ledger.close();
            db.close();
        }
    }

    private static Season winter(boolean autoClaim) {
        return new Season("winter", "Winter season", START, START.plus(Duration.ofDays(30)), TierCurve.linear(100, 50, 10),
                List.of(new Season.Reward(1, Season.Track.FREE, "coins", 50, null), new Season.Reward(2, Season.Track.PREMIUM, null, 0, "frost-halo"),
                        Season.Reward.command(3, Season.Track.FREE, "/give {player} diamond {tier}", "*"),
                        Season.Reward.item(3, Season.Track.PREMIUM, "hytale:frost_gem", 2, "survival")),
                Map.of("mob.killed", new Season.XpSource(10, 100), "block.mined", new Season.XpSource(1, 0)),
                List.of(new Season.Multiplier(START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(3)), 2),
                        new Season.Multiplier(START.plus(Duration.ofDays(4)), START.plus(Duration.ofDays(5)), 3, List.of("mob.killed"), "vip")),
                autoClaim);
    }

    static EventEnvelope game(UUID id, String type, UUID player, Instant at) {
        return new EventEnvelope(id, "game." + type, player.toString(), at, "game",
                "{\"server\":\"survival-1\",\"player\":\"" + player + "\",\"data\":{}}");
    }

    /** {@code count} game events of a type (without its {@code game.} prefix), a second apart from {@code from}. */
    private static List<EventEnvelope> games(String type, UUID player, int count, Instant from) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(game(UUID.randomUUID(), type, player, from.plusSeconds(i)));
        }
        return events;
    }

    /** {@code blocks} block.mined events (1 XP each), a second apart from {@code from}, through the feed. */
    private static void mine(Fixture f, UUID player, int blocks, Instant from) {
        send(f, games("block.mined", player, blocks, from));
        f.drain();
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
            f.pass().save(winter(false));
            UUID ana = UUID.randomUUID();
            Instant dayOne = START.plus(Duration.ofHours(30));
            List<EventEnvelope> events = new ArrayList<>(games("mob.killed", ana, 15, dayOne)); // 150 XP, capped at 100
            events.add(game(UUID.randomUUID(), "block.mined", ana, dayOne.plusSeconds(20)));
            events.add(game(UUID.randomUUID(), "fish.caught", ana, dayOne.plusSeconds(21))); // no XP source
            send(f, events);
            f.drain();
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100 + 1);
            // The feed reads everything again (its cursor lost, as after a restore): nothing counts twice.
            f.drainFromStart();
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
            f.pass().save(winter(false));
            UUID bo = UUID.randomUUID();
            mine(f, bo, 160, START.plus(Duration.ofHours(5)));
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
        try (Fixture f = Fixture.open(kind)) {
            f.pass().save(winter(false));
            UUID di = UUID.randomUUID();
            f.pass().grantPremium("winter", di);
            mine(f, di, 200, START.plus(Duration.ofHours(7)));
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
        try (Fixture f = Fixture.open(kind)) {
            f.pass().save(winter(false));
            SeasonArchive archive = new SeasonArchive(f.db().database(), f.clock(), f.pass());
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            UUID third = UUID.randomUUID();
            mine(f, first, 160, START.plus(Duration.ofHours(8)));   // tier 2, never claimed
            mine(f, second, 120, START.plus(Duration.ofHours(9)));  // tier 1, claimed already
            mine(f, third, 110, START.plus(Duration.ofHours(10)));  // tier 1 too
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
            mine(f, third, 100, START.plus(Duration.ofHours(11)));
            assertThat(f.pass().progress("winter", third).xp()).isEqualTo(110);
            assertThat(f.ledger().verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aSeasonIsRedefinedUntilItStartsAndNeverAfter(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
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
        try (Fixture f = Fixture.open(kind)) {
            f.pass().save(winter(true));
            UUID cy = UUID.randomUUID();
            f.pass().grantPremium("winter", cy);
            mine(f, cy, 150, START.plus(Duration.ofHours(6)));
            assertThat(f.pass().progress("winter", cy).claimed()).containsExactly("1:free", "2:premium");
            assertThat(f.ledger().balance(AccountId.player(cy), "coins")).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void overlappingAndInvalidSeasonsAreRefusedWithWhatToFix(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
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

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aPlayersHistorySpanningManySegmentsOfTheOutboxIsReadNewestFirstAndWholeAfterTheFeedReadsItAgain(SqlKind kind) {
        try (Fixture f = Fixture.open(kind)) {
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
                send(f, events);
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
        try (Fixture f = Fixture.open(kind)) {
            f.pass().save(winter(false));
            XpFeed holding = f.feedFoldingOnlyWhenTold();
            UUID ana = inSlice(0);
            UUID bo = inSlice(15);
            Instant day = START.plus(Duration.ofHours(30));
            send(f, games("mob.killed", ana, 6, day)); // 60 of the day's 100 from kills
            send(f, games("mob.killed", bo, 2, day));
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
            send(f, games("mob.killed", ana, 6, day.plusSeconds(60)));
            f.drain(holding);
            assertThat(f.pass().progress("winter", ana).xp()).isEqualTo(100);
            assertThat(f.pass().history("winter", ana, 100)).hasSize(12).filteredOn(g -> g.xp() == 0).hasSize(2);

            // A new feed (a restart, or another node taking the lease) reads back what was not folded: the cap holds,
            // and bo's next grant links to his grants not folded yet.
            XpFeed restarted = f.feedFoldingOnlyWhenTold();
            send(f, games("mob.killed", ana, 3, day.plusSeconds(120)));
            send(f, games("mob.killed", bo, 1, day.plusSeconds(120)));
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
            send(f, games("mob.killed", ana, 1, day.plusSeconds(180)));
            f.drain(restarted);
            assertThat(f.pass().progress("winter", ana).xp()).as("capped after the folds too").isEqualTo(100);
        }
    }
}
