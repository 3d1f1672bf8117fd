package dev.veltrix.progression.battlepass;

import static dev.veltrix.progression.battlepass.BattlePass.P_PLAYER;
import static dev.veltrix.progression.battlepass.BattlePass.P_PREMIUM;
import static dev.veltrix.progression.battlepass.BattlePass.P_SEASON;
import static dev.veltrix.progression.battlepass.BattlePass.P_UPDATED;
import static dev.veltrix.progression.battlepass.BattlePass.P_XP;
import static dev.veltrix.progression.battlepass.BattlePass.PROGRESS;
import static dev.veltrix.progression.battlepass.BattlePass.S_DEFINITION;
import static dev.veltrix.progression.battlepass.BattlePass.S_ENDS;
import static dev.veltrix.progression.battlepass.BattlePass.S_STARTS;
import static dev.veltrix.progression.battlepass.BattlePass.SEASONS;
import static dev.veltrix.progression.battlepass.BattlePass.X_AT;
import static dev.veltrix.progression.battlepass.BattlePass.X_EVENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SOURCE;
import static dev.veltrix.progression.battlepass.BattlePass.XP;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.Wakeup;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxTail;
import dev.veltrix.storage.outbox.StoredEvent;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns game events into battle-pass XP. On the one node holding its lease it follows the outbox in order and
 * takes a batch of game events at a time into one transaction together with its cursor, so each event counts
 * exactly once (a re-sent event has the same id and is skipped; a crash replays the batch, whose rows were not
 * committed). Daily caps and multipliers apply per event as it happened.
 */
public final class XpFeed implements AutoCloseable {
    public static final String CONSUMER = "battlepass-xp";
    private static final Logger LOG = LoggerFactory.getLogger(XpFeed.class);
    private static final int BATCH_MAX = 1_000;
    private static final Duration LEASE_TTL = Duration.ofSeconds(15);
    private static final String GAME_PREFIX = "game.";
    private static final Table<Record> DAILY = table(name("pass_daily"));
    private static final Field<Integer> D_DAY = field(name("day"), Integer.class);

    private final Database database;
    private final BattlePass pass;
    private final Leases leases;
    private final String nodeId;
    private final Wakeup wakeups = new Wakeup();
    private final Thread thread;
    private volatile boolean running = true;

    public XpFeed(Database database, BattlePass pass, Leases leases, String nodeId) {
        this.database = database;
        this.pass = pass;
        this.leases = leases;
        this.nodeId = nodeId;
        this.thread = Thread.ofPlatform().name("veltrix-battlepass-xp").daemon().unstarted(this::run);
    }

    public XpFeed start() {
        thread.start();
        return this;
    }

    public void wake() {
        wakeups.wake();
    }

    private void run() {
        OutboxTail tail = null;
        long leaseAt = 0;
        while (running) {
            try {
                long now = System.nanoTime() / 1_000_000;
                if (tail == null || now - leaseAt > LEASE_TTL.toMillis() / 3) {
                    if (!leases.tryAcquire(CONSUMER, nodeId, LEASE_TTL)) {
                        tail = null;
                        pause(LEASE_TTL.toMillis() / 3);
                        continue;
                    }
                    leaseAt = now;
                    if (tail == null) {
                        tail = OutboxTail.after(Outbox.cursor(database.dsl(), CONSUMER));
                    }
                }
                if (take(tail) == 0) {
                    pause(200);
                }
            } catch (RuntimeException e) {
                LOG.error("battle-pass XP on node {} failed; retrying", nodeId, e);
                tail = null;
                pause(1_000);
            }
        }
    }

    /** Takes the next batch after the tail's position; returns how many outbox events it read. */
    int take(OutboxTail tail) {
        List<StoredEvent> batch = tail.next(database.dsl(), BATCH_MAX);
        if (batch.isEmpty()) {
            return 0;
        }
        long last = tail.position();
        Map<String, Set<UUID>> reached = database.inTransaction(tx -> {
            Map<String, Set<UUID>> players = award(tx, batch);
            Outbox.saveCursor(tx, CONSUMER, last);
            return players;
        });
        reached.forEach((seasonId, players) -> {
            if (pass.season(seasonId).autoClaim()) {
                players.forEach(player -> pass.claimReached(seasonId, player));
            }
        });
        return batch.size();
    }

    /** Awards a batch inside {@code tx}; returns the players whose XP grew, by season. */
    Map<String, Set<UUID>> award(DSLContext tx, List<StoredEvent> batch) {
        List<Season> seasons = new ArrayList<>();
        // Outbox order is commit order, not the order events happened in: the seasons of the batch's whole time span.
        long earliest = batch.stream().mapToLong(e -> e.event().occurredAt().toEpochMilli()).min().orElseThrow();
        long latest = batch.stream().mapToLong(e -> e.event().occurredAt().toEpochMilli()).max().orElseThrow();
        tx.select(S_DEFINITION).from(SEASONS).where(S_STARTS.le(latest), S_ENDS.gt(earliest)).fetch(S_DEFINITION)
                .forEach(d -> seasons.add(BattlePass.read(d)));
        Map<String, Set<UUID>> grown = new HashMap<>();
        if (seasons.isEmpty()) {
            return grown;
        }
        Map<String, Long> daily = new HashMap<>();
        Map<String, Long> gained = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (StoredEvent stored : batch) {
            var event = stored.event();
            if (!event.type().startsWith(GAME_PREFIX)) {
                continue;
            }
            String source = event.type().substring(GAME_PREFIX.length());
            Season season = seasons.stream().filter(s -> s.running(event.occurredAt()) && s.sources().containsKey(source)).findFirst().orElse(null);
            UUID player = player(event.payload());
            if (season == null || player == null || !seen.add(season.id() + "/" + event.id())
                    || tx.fetchExists(XP, P_SEASON.eq(season.id()), X_EVENT.eq(event.id().toString()))) {
                continue;
            }
            Season.XpSource rule = season.sources().get(source);
            double factor = season.multipliers().stream().filter(m -> m.covers(event.occurredAt())).mapToDouble(Season.Multiplier::factor).max()
                    .orElse(1);
            long xp = Math.round(rule.xp() * factor);
            int day = (int) event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
            String dayKey = season.id() + "|" + player + "|" + source + "|" + day;
            if (rule.dailyCap() > 0) {
                long today = daily.computeIfAbsent(dayKey, k -> dailyXp(tx, season.id(), player, source, day));
                xp = Math.max(0, Math.min(xp, rule.dailyCap() - today));
                daily.put(dayKey, today + xp);
                upsertDaily(tx, season.id(), player, source, day, today + xp);
            }
            tx.insertInto(XP, P_SEASON, X_EVENT, P_PLAYER, X_SOURCE, P_XP, X_AT)
                    .values(season.id(), event.id().toString(), player.toString(), source, xp, event.occurredAt().toEpochMilli()).execute();
            if (xp > 0) {
                gained.merge(season.id() + "|" + player, xp, Long::sum);
                grown.computeIfAbsent(season.id(), s -> new HashSet<>()).add(player);
            }
        }
        long now = System.currentTimeMillis();
        gained.forEach((key, xp) -> {
            String[] parts = key.split("\\|");
            if (tx.update(PROGRESS).set(P_XP, P_XP.plus(xp)).set(P_UPDATED, now).where(P_SEASON.eq(parts[0]), P_PLAYER.eq(parts[1])).execute() == 0) {
                tx.insertInto(PROGRESS, P_SEASON, P_PLAYER, P_XP, P_PREMIUM, P_UPDATED).values(parts[0], parts[1], xp, 0, now).execute();
            }
        });
        return grown;
    }

    private static long dailyXp(DSLContext tx, String season, UUID player, String source, int day) {
        Long xp = tx.select(P_XP).from(DAILY).where(P_SEASON.eq(season), P_PLAYER.eq(player.toString()), X_SOURCE.eq(source), D_DAY.eq(day))
                .fetchOne(P_XP);
        return xp == null ? 0 : xp;
    }

    private static void upsertDaily(DSLContext tx, String season, UUID player, String source, int day, long xp) {
        if (tx.update(DAILY).set(P_XP, xp).where(P_SEASON.eq(season), P_PLAYER.eq(player.toString()), X_SOURCE.eq(source), D_DAY.eq(day))
                .execute() == 0) {
            tx.insertInto(DAILY, P_SEASON, P_PLAYER, X_SOURCE, D_DAY, P_XP).values(season, player.toString(), source, day, xp).execute();
        }
    }

    private static UUID player(String payload) {
        try {
            JsonNode node = BattlePass.JSON.readTree(payload).path("player");
            return node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null; // not a player's event: no XP
        }
    }

    private void pause(long millis) {
        if (!wakeups.await(millis)) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            leases.release(CONSUMER, nodeId);
        } catch (RuntimeException e) {
            LOG.warn("could not release the battle-pass XP lease of node {}", nodeId, e);
        }
    }
}
