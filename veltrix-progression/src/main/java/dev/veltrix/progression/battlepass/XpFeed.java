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
import static dev.veltrix.progression.battlepass.BattlePass.GRANTS;
import static dev.veltrix.progression.battlepass.BattlePass.P_LAST_SEGMENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_PREV_SEGMENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SEGMENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SEQ;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.BatchUpdate;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SelectIn;
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
 * exactly once (the event ingest takes a re-sent event in once; a crash replays the batch, whose rows were not
 * committed; a batch read again after a lost cursor is known by its outbox positions). Daily caps and multipliers
 * apply per event as it happened. Each grant is written near the end of the history ({@link BattlePass#GRANTS}), so
 * the pages a batch dirties do not grow with the season.
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
        this.follower = new OutboxFollower(database, leases, CONSUMER, CONSUMER, nodeId, BATCH_MAX, 200,
                XpFeed::takes, this::handle);
    }

    /** Whether the feed takes events of this type (game events); it passes over the rest of the outbox. */
    public static boolean takes(String eventType) {
        return eventType.startsWith(GAME_PREFIX);
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

    /**
     * One batch: its XP and the cursor in one transaction, then auto-claims. The seasons and the events' JSON are read
     * before it, so the transaction (which holds SQLite's one writer) only writes. It is replayable: XP is rebuilt from
     * the outbox, so a power failure that takes back its commit takes back the cursor with it.
     */
    private void handle(List<StoredEvent> batch, long last) {
        List<Season> seasons = seasons(database.dsl(), batch);
        List<Candidate> candidates = candidates(batch, seasons);
        Map<String, Set<UUID>> reached = database.inReplayableTransaction(tx -> {
            Map<String, Set<UUID>> players = award(tx, candidates);
            Outbox.saveCursor(tx, CONSUMER, last);
            return players;
        });
        reached.forEach((seasonId, players) -> {
            if (seasons.stream().anyMatch(season -> season.id().equals(seasonId) && season.autoClaim())) {
                players.forEach(player -> pass.claimReached(seasonId, player));
            }
        });
    }

    /** The seasons not archived whose time overlaps the batch's events. */
    private static List<Season> seasons(DSLContext dsl, List<StoredEvent> batch) {
        // Outbox order is commit order, not the order events happened in: the seasons of the batch's whole time span.
        long earliest = batch.stream().mapToLong(e -> e.event().occurredAt().toEpochMilli()).min().orElseThrow();
        long latest = batch.stream().mapToLong(e -> e.event().occurredAt().toEpochMilli()).max().orElseThrow();
        List<Season> seasons = new ArrayList<>();
        // An archived season's standings are final: an event that happened in it but arrives later counts no more.
        dsl.select(S_DEFINITION).from(SEASONS).where(S_STARTS.le(latest), S_ENDS.gt(earliest), BattlePass.S_ARCHIVED.isNull()).fetch(S_DEFINITION)
                .forEach(d -> seasons.add(BattlePass.read(d)));
        return seasons;
    }

    /** An event that may give XP: its season, player, source, day, and the XP before any cap. */
    private record Candidate(long seq, Season season, String eventId, UUID player, String source, int day, long xp, long at) {
        String dayKey() {
            return season.id() + "|" + player + "|" + source + "|" + day;
        }
    }

    /**
     * Awards a batch's candidates inside {@code tx} with a fixed number of statements whatever its size (reads of what
     * is already counted, the day's XP and the progress rows, then multi-row inserts and batched updates). Returns the
     * players whose XP grew, by season.
     */
    private Map<String, Set<UUID>> award(DSLContext tx, List<Candidate> all) {
        Map<String, Set<UUID>> grown = new HashMap<>();
        if (all.isEmpty()) {
            return grown;
        }
        // Every look-up names the season first: the tables' keys start with it, so these are index look-ups.
        Set<String> seasonIds = new HashSet<>(tx.select(BattlePass.S_ID).from(SEASONS)
                .where(BattlePass.S_ID.in(all.stream().map(c -> c.season().id()).distinct().toList()), BattlePass.S_ARCHIVED.isNull())
                .fetch(BattlePass.S_ID));
        // A season archived since its definition was read counts no more.
        List<Candidate> candidates = all.stream().filter(c -> seasonIds.contains(c.season().id())).toList();
        if (candidates.isEmpty()) {
            return grown;
        }
        // What of this batch was counted before (it is read again after a lost cursor): a range at the end of an index.
        long first = candidates.stream().mapToLong(Candidate::seq).min().orElseThrow();
        long last = candidates.stream().mapToLong(Candidate::seq).max().orElseThrow();
        Set<Long> counted = new HashSet<>(tx.select(X_SEQ).from(GRANTS).where(P_SEASON.in(seasonIds), X_SEQ.between(first, last)).fetch(X_SEQ));
        Map<String, Long> daily = new HashMap<>();
        Map<String, Long> segments = new HashMap<>();
        for (String seasonId : seasonIds) {
            List<Candidate> ofSeason = candidates.stream().filter(c -> c.season().id().equals(seasonId)).toList();
            // The day's XP so far, for the players of capped sources only (only those have daily rows).
            List<String> cappedPlayers = ofSeason.stream().filter(c -> c.season().sources().get(c.source()).dailyCap() > 0)
                    .map(c -> c.player().toString()).distinct().toList();
            SelectIn.forEach(tx, "select player, source, day, xp from pass_daily where season_id = ? and player in ",
                    List.of(seasonId), cappedPlayers, "", row -> daily.put(
                            seasonId + "|" + row.getString(1) + "|" + row.getString(2) + "|" + row.getInt(3), row.getLong(4)));
            // Each player's newest history segment, which their next grant links back to.
            SelectIn.forEach(tx, "select player, last_segment from pass_progress where season_id = ? and player in ",
                    List.of(seasonId), ofSeason.stream().map(c -> c.player().toString()).distinct().toList(), "",
                    row -> segments.put(seasonId + "|" + row.getString(1), row.getObject(2) == null ? null : row.getLong(2)));
        }
        Set<String> dailyExisting = new HashSet<>(daily.keySet());
        Set<String> progressExisting = new HashSet<>(segments.keySet());
        RowInserter grants = new RowInserter(GRANTS, List.of(P_SEASON, X_SEGMENT, P_PLAYER, X_SEQ, X_EVENT, X_SOURCE, P_XP, X_AT, X_PREV_SEGMENT));
        Map<String, Long> gained = new HashMap<>();
        Set<String> capped = new HashSet<>();
        for (Candidate c : candidates) {
            if (!counted.add(c.seq())) {
                continue; // counted before
            }
            long xp = c.xp();
            long cap = c.season().sources().get(c.source()).dailyCap();
            if (cap > 0) {
                long today = daily.getOrDefault(c.dayKey(), 0L);
                xp = Math.max(0, Math.min(xp, cap - today));
                daily.put(c.dayKey(), today + xp);
                capped.add(c.dayKey());
            }
            String key = c.season().id() + "|" + c.player();
            long segment = c.seq() >> BattlePass.SEGMENT_BITS;
            grants.add(c.season().id(), segment, c.player().toString(), c.seq(), c.eventId(), c.source(), xp, c.at(), segments.get(key));
            segments.put(key, segment);
            // Every player with a grant has a progress row, even at 0 XP: it holds the way into their history.
            gained.merge(key, xp, Long::sum);
            if (xp > 0) {
                grown.computeIfAbsent(c.season().id(), s -> new HashSet<>()).add(c.player());
            }
        }
        grants.execute(tx);
        writeDaily(tx, daily, capped, dailyExisting);
        writeProgress(tx, gained, segments, progressExisting);
        return grown;
    }

    private static List<Candidate> candidates(List<StoredEvent> batch, List<Season> seasons) {
        List<Candidate> out = new ArrayList<>();
        if (seasons.isEmpty()) {
            return out;
        }
        for (StoredEvent stored : batch) {
            var event = stored.event();
            if (!takes(event.type())) {
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
            out.add(new Candidate(stored.seq(), season, event.id().toString(), player, source,
                    (int) event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay(),
                    Math.round(season.sources().get(source).xp() * factor), event.occurredAt().toEpochMilli()));
        }
        return out;
    }

    private static void writeDaily(DSLContext tx, Map<String, Long> daily, Set<String> changed, Set<String> existing) {
        RowInserter inserts = new RowInserter(DAILY, List.of(P_SEASON, P_PLAYER, X_SOURCE, D_DAY, P_XP));
        // One statement prepared once and run with each row's values, not one statement per row.
        BatchUpdate updates = new BatchUpdate("update pass_daily set xp = ? where season_id = ? and player = ? and source = ? and day = ?");
        for (String key : changed) {
            String[] k = key.split("\\|");
            if (existing.contains(key)) {
                updates.add(daily.get(key), k[0], k[1], k[2], Integer.parseInt(k[3]));
            } else {
                inserts.add(k[0], k[1], k[2], Integer.parseInt(k[3]), daily.get(key));
            }
        }
        updates.execute(tx);
        inserts.execute(tx);
    }

    private static void writeProgress(DSLContext tx, Map<String, Long> gained, Map<String, Long> segments, Set<String> existing) {
        long now = System.currentTimeMillis();
        RowInserter inserts = new RowInserter(PROGRESS, List.of(P_SEASON, P_PLAYER, P_XP, P_PREMIUM, P_UPDATED, P_LAST_SEGMENT));
        BatchUpdate updates = new BatchUpdate(
                "update pass_progress set xp = xp + ?, updated_at = ?, last_segment = ? where season_id = ? and player = ?");
        gained.forEach((key, xp) -> {
            String[] k = key.split("\\|");
            if (existing.contains(key)) {
                updates.add(xp, now, segments.get(key), k[0], k[1]);
            } else {
                inserts.add(k[0], k[1], xp, 0, now, segments.get(key));
            }
        });
        updates.execute(tx);
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
