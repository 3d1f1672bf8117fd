package dev.veltrix.progression.battlepass;

import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.economy.ledger.LedgerService;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;

/**
 * A battle pass on a fresh database of one kind: the ledger, a season's worth of helpers, and the XP feed driven by
 * hand (a test runs it until it has read everything committed).
 */
record BattlePassFixture(TestDatabases.IsolatedDatabase db, LedgerService ledger, BattlePass pass, XpFeed feed, MutableClock clock,
                         List<String> queued) implements AutoCloseable {
    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    static BattlePassFixture open(SqlKind kind) {
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
        return new BattlePassFixture(db, ledger, pass, new XpFeed(db.database(), pass, new Leases(db.database(), clock), "test"), clock, queued);
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

    static Season winter(boolean autoClaim) {
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
    static List<EventEnvelope> games(String type, UUID player, int count, Instant from) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(game(UUID.randomUUID(), type, player, from.plusSeconds(i)));
        }
        return events;
    }

    /** {@code blocks} block.mined events (1 XP each), a second apart from {@code from}, through the feed. */
    void mine(UUID player, int blocks, Instant from) {
        send(games("block.mined", player, blocks, from));
        drain();
    }

    /** Commits game events to the outbox, as the event ingest does. */
    void send(List<EventEnvelope> events) {
        db.database().inTransaction(tx -> {
            Outbox.append(tx, events);
            return null;
        });
    }
}
