package dev.veltrix.progression.battlepass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.progression.TestLedgers;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A network that counted XP before the history moved into segments keeps all of it: each player's grants, progress
 * and daily totals, and new grants follow on from the old ones.
 */
class XpHistoryMigrationTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    /** The season here has no command or item rewards: nothing is ever queued for delivery. */
    private static final GameDeliveries NOTHING_TO_DELIVER = new GameDeliveries() {
        @Override
        public void queue(DSLContext tx, String reference, UUID player, InGame what) {
            throw new AssertionError("nothing to deliver in this season, got " + reference);
        }

        @Override
        public void sendPending(UUID player) {
        }
    };

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void grantsCountedBeforeTheMigrationStayVisibleCountOnceAndNewOnesFollowThem(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA))) {
            Flyway.configure().dataSource(db.database().dataSource()).locations(Hunts.SCHEMA.location()).table(Hunts.SCHEMA.historyTable())
                    .placeholders(kind.migrationPlaceholders()).baselineOnMigrate(true).baselineVersion("0").target("5").load().migrate();
            MutableClock clock = new MutableClock(START.plus(Duration.ofDays(1)));
            var ledger = TestLedgers.open(db.database(), clock, "coins");
            BattlePass before = new BattlePass(db.database(), clock, ledger, NOTHING_TO_DELIVER);
            before.save(new Season("winter", "Winter", START, START.plus(Duration.ofDays(30)), TierCurve.linear(100, 50, 10), List.of(),
                    Map.of("mob.killed", new Season.XpSource(10, 100)), List.of(), false));
            UUID ana = UUID.randomUUID();
            UUID cy = UUID.randomUUID();
            UUID inOutbox = UUID.randomUUID();
            long day = START.plus(Duration.ofHours(5)).atOffset(java.time.ZoneOffset.UTC).toLocalDate().toEpochDay();
            long at = START.plus(Duration.ofHours(5)).toEpochMilli();
            db.database().inTransaction(tx -> {
                // Ana's first kill is still in the outbox; her second was pruned from it. Cy's kill gave nothing (capped).
                Outbox.append(tx, List.of(BattlePassFixture.game(inOutbox, "mob.killed", ana, Instant.ofEpochMilli(at))));
                insertOld(tx, inOutbox, ana, 10, at);
                insertOld(tx, UUID.randomUUID(), ana, 10, at + 1_000);
                insertOld(tx, UUID.randomUUID(), cy, 0, at + 2_000);
                tx.execute("INSERT INTO pass_progress (season_id, player, xp, premium, updated_at) VALUES ('winter', ?, 20, 1, ?)", ana.toString(), at);
                tx.execute("INSERT INTO pass_daily (season_id, player, source, day, xp) VALUES ('winter', ?, 'mob.killed', ?, 20)", ana.toString(), day);
                return null;
            });

            db.database().migrate(List.of(Hunts.SCHEMA));
            BattlePass pass = new BattlePass(db.database(), clock, ledger, NOTHING_TO_DELIVER);
            assertThat(pass.history("winter", ana, 10)).extracting(XpGrant::xp).containsExactlyInAnyOrder(10L, 10L);
            assertThat(pass.history("winter", cy, 10)).extracting(XpGrant::xp).containsExactly(0L);
            Progress progress = pass.progress("winter", ana);
            assertThat(progress.xp()).isEqualTo(20);
            assertThat(progress.premium()).isTrue();
            // The totals already held every grant counted before: none of them is added to them again.
            assertThat(pass.leaderboard("winter", 10)).extracting(Progress::player, Progress::xp)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ana.toString(), 20L), org.assertj.core.groups.Tuple.tuple(cy.toString(), 0L));

            // The feed reads the outbox from its start: the kill counted before the migration counts no more; a new
            // one counts within the day's cap carried over (20 of 100 used) and is shown first.
            UUID fresh = UUID.randomUUID();
            db.database().inTransaction(tx -> {
                Outbox.append(tx, List.of(BattlePassFixture.game(fresh, "mob.killed", ana, Instant.ofEpochMilli(at + 5_000))));
                return null;
            });
            XpFeed feed = new XpFeed(db.database(), pass, new Leases(db.database(), clock), "test");
            OutboxTail tail = OutboxTail.after(0);
            while (feed.take(tail) > 0) {
                // next batch
            }
            assertThat(pass.progress("winter", ana).xp()).isEqualTo(30);
            assertThat(pass.history("winter", ana, 10)).hasSize(3).first().extracting(XpGrant::event).isEqualTo(fresh);
            ledger.close();
        }
    }

    private static void insertOld(DSLContext tx, UUID event, UUID player, long xp, long at) {
        tx.execute("INSERT INTO pass_xp (season_id, event_id, player, source, xp, at) VALUES ('winter', ?, ?, 'mob.killed', ?, ?)",
                event.toString(), player.toString(), xp, at);
    }
}
