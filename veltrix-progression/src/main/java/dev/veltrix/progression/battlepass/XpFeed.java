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
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxFollower;
import dev.veltrix.storage.outbox.OutboxTail;
import dev.veltrix.storage.outbox.StoredEvent;
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

/**
 * Turns game events into battle-pass XP. On the one node holding its lease it follows the outbox in order and
 * takes a batch of game events at a time into one transaction together with its cursor, so each event counts
 * exactly once (a re-sent event has the same id and is skipped; a crash replays the batch, whose rows were not
 * committed). Daily caps and multipliers apply per event as it happened.
 */
public final class XpFeed implements AutoCloseable {
    public static final String CONSUMER = "battlepass-xp";
    // Small enough that one batch's transaction holds the single SQLite writer only briefly.
    private static final int BATCH_MAX = 500;
    private static final String GAME_PREFIX = "game.";
    private static final Table<Record> DAILY = table(name("pass_daily"));
    private static final Field<Integer> D_DAY = field(name("day"), Integer.class);

    private final Database database;
    private final BattlePass pass;
    private final OutboxFollower follower;

    public XpFeed(Database database, BattlePass pass, Leases leases, String nodeId) {
        this.database = database;
        this.pass = pass;
        this.follower = new OutboxFollower(database, leases, CONSUMER, CONSUMER, nodeId, BATCH_MAX, 200, this::handle);
    }

    public XpFeed start() {
        follower.start();
        return this;
    }

    public void wake() {
        follower.wake();
    }

    /** Takes the next batch after the tail's position; returns how many outbox events it read. */
    int take(OutboxTail tail) {
        List<StoredEvent> batch = tail.next(database.dsl(), BATCH_MAX);
        if (!batch.isEmpty()) {
            handle(batch, tail.position());
        }
        return batch.size();
    }

    /** One batch: its XP and the cursor in one transaction, then auto-claims. */
    private void handle(List<StoredEvent> batch, long last) {
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
    }

    /** An event that may give XP: its season, player, source, day, and the XP before any cap. */
    private record Candidate(Season season, String eventId, UUID player, String source, int day, long xp, long at) {
        String dayKey() {
            return season.id() + "|" + player + "|" + source + "|" + day;
        }
    }

    /**
     * Awards a batch inside {@code tx} with a fixed number of statements whatever its size (reads of what is already
     * counted, the day's XP and the progress rows, then multi-row inserts and batched updates), so the single SQLite
     * writer is held briefly. Returns the players whose XP grew, by season.
     */
    Map<String, Set<UUID>> award(DSLContext tx, List<StoredEvent> batch) {
        List<Season> seasons = new ArrayList<>();
        // Outbox order is commit order, not the order events happened in: the seasons of the batch's whole time span.
        long earliest = batch.stream().mapToLong(e -> e.event().occurredAt().toEpochMilli()).min().orElseThrow();
        long latest = batch.stream().mapToLong(e -> e.event().occurredAt().toEpochMilli()).max().orElseThrow();
        // An archived season's standings are final: an event that happened in it but arrives later counts no more.
        tx.select(S_DEFINITION).from(SEASONS).where(S_STARTS.le(latest), S_ENDS.gt(earliest), BattlePass.S_ARCHIVED.isNull()).fetch(S_DEFINITION)
                .forEach(d -> seasons.add(BattlePass.read(d)));
        Map<String, Set<UUID>> grown = new HashMap<>();
        List<Candidate> candidates = candidates(batch, seasons);
        if (candidates.isEmpty()) {
            return grown;
        }
        // Every look-up names the season first: the tables' keys start with it, so these are index look-ups.
        Set<String> seasonIds = new HashSet<>();
        candidates.forEach(c -> seasonIds.add(c.season().id()));
        Set<String> counted = new HashSet<>(tx.select(X_EVENT).from(XP)
                .where(P_SEASON.in(seasonIds), X_EVENT.in(candidates.stream().map(Candidate::eventId).toList())).fetch(X_EVENT));
        Set<String> players = new HashSet<>();
        candidates.forEach(c -> players.add(c.player().toString()));
        Map<String, Long> daily = new HashMap<>();
        tx.select(P_SEASON, P_PLAYER, X_SOURCE, D_DAY, P_XP).from(DAILY).where(P_SEASON.in(seasonIds), P_PLAYER.in(players))
                .forEach(r -> daily.put(r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4(), r.value5()));
        Set<String> dailyExisting = new HashSet<>(daily.keySet());
        RowInserter grants = new RowInserter(XP, List.of(P_SEASON, X_EVENT, P_PLAYER, X_SOURCE, P_XP, X_AT));
        Map<String, Long> gained = new HashMap<>();
        Set<String> capped = new HashSet<>();
        for (Candidate c : candidates) {
            if (!counted.add(c.eventId())) {
                continue; // counted before, or twice in this batch
            }
            long xp = c.xp();
            long cap = c.season().sources().get(c.source()).dailyCap();
            if (cap > 0) {
                long today = daily.getOrDefault(c.dayKey(), 0L);
                xp = Math.max(0, Math.min(xp, cap - today));
                daily.put(c.dayKey(), today + xp);
                capped.add(c.dayKey());
            }
            grants.add(c.season().id(), c.eventId(), c.player().toString(), c.source(), xp, c.at());
            if (xp > 0) {
                gained.merge(c.season().id() + "|" + c.player(), xp, Long::sum);
                grown.computeIfAbsent(c.season().id(), s -> new HashSet<>()).add(c.player());
            }
        }
        grants.execute(tx);
        writeDaily(tx, daily, capped, dailyExisting);
        writeProgress(tx, gained, seasonIds);
        return grown;
    }

    private static List<Candidate> candidates(List<StoredEvent> batch, List<Season> seasons) {
        List<Candidate> out = new ArrayList<>();
        if (seasons.isEmpty()) {
            return out;
        }
        for (StoredEvent stored : batch) {
            var event = stored.event();
            if (!event.type().startsWith(GAME_PREFIX)) {
                continue;
            }
            String source = event.type().substring(GAME_PREFIX.length());
            Season season = seasons.stream().filter(s -> s.running(event.occurredAt()) && s.sources().containsKey(source)).findFirst().orElse(null);
            JsonNode payload = season == null ? null : payload(event.payload());
            UUID player = payload == null ? null : player(payload);
            if (player == null) {
                continue;
            }
            String group = payload.path("data").path("group").asText(null);
            double factor = season.multipliers().stream().filter(m -> m.covers(event.occurredAt(), source, group))
                    .mapToDouble(Season.Multiplier::factor).max().orElse(1);
            out.add(new Candidate(season, event.id().toString(), player, source,
                    (int) event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay(),
                    Math.round(season.sources().get(source).xp() * factor), event.occurredAt().toEpochMilli()));
        }
        return out;
    }

    private static void writeDaily(DSLContext tx, Map<String, Long> daily, Set<String> changed, Set<String> existing) {
        RowInserter inserts = new RowInserter(DAILY, List.of(P_SEASON, P_PLAYER, X_SOURCE, D_DAY, P_XP));
        List<org.jooq.Query> updates = new ArrayList<>();
        for (String key : changed) {
            String[] k = key.split("\\|");
            if (existing.contains(key)) {
                updates.add(tx.update(DAILY).set(P_XP, daily.get(key))
                        .where(P_SEASON.eq(k[0]), P_PLAYER.eq(k[1]), X_SOURCE.eq(k[2]), D_DAY.eq(Integer.parseInt(k[3]))));
            } else {
                inserts.add(k[0], k[1], k[2], Integer.parseInt(k[3]), daily.get(key));
            }
        }
        if (!updates.isEmpty()) {
            tx.batch(updates).execute();
        }
        inserts.execute(tx);
    }

    private static void writeProgress(DSLContext tx, Map<String, Long> gained, Set<String> seasonIds) {
        if (gained.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        Set<String> players = new HashSet<>();
        gained.keySet().forEach(key -> players.add(key.substring(key.indexOf('|') + 1)));
        tx.select(P_SEASON, P_PLAYER).from(PROGRESS).where(P_SEASON.in(seasonIds), P_PLAYER.in(players)).forEach(r -> existing.add(r.value1() + "|" + r.value2()));
        long now = System.currentTimeMillis();
        RowInserter inserts = new RowInserter(PROGRESS, List.of(P_SEASON, P_PLAYER, P_XP, P_PREMIUM, P_UPDATED));
        List<org.jooq.Query> updates = new ArrayList<>();
        gained.forEach((key, xp) -> {
            String[] k = key.split("\\|");
            if (existing.contains(key)) {
                updates.add(tx.update(PROGRESS).set(P_XP, P_XP.plus(xp)).set(P_UPDATED, now).where(P_SEASON.eq(k[0]), P_PLAYER.eq(k[1])));
            } else {
                inserts.add(k[0], k[1], xp, 0, now);
            }
        });
        if (!updates.isEmpty()) {
            tx.batch(updates).execute();
        }
        inserts.execute(tx);
    }

    private static JsonNode payload(String text) {
        try {
            return BattlePass.JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null; // not JSON: no XP
        }
    }

    private static UUID player(JsonNode payload) {
        try {
            JsonNode node = payload.path("player");
            return node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null; // not a player's event: no XP
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
