package dev.veltrix.progression.battlepass;

import static dev.veltrix.progression.battlepass.BattlePass.P_PLAYER;
import static dev.veltrix.progression.battlepass.BattlePass.P_SEASON;
import static dev.veltrix.progression.battlepass.BattlePass.P_XP;
import static dev.veltrix.progression.battlepass.BattlePass.S_DEFINITION;
import static dev.veltrix.progression.battlepass.BattlePass.S_ENDS;
import static dev.veltrix.progression.battlepass.BattlePass.S_STARTS;
import static dev.veltrix.progression.battlepass.BattlePass.SEASONS;
import static dev.veltrix.progression.battlepass.BattlePass.X_AT;
import static dev.veltrix.progression.battlepass.BattlePass.X_EVENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SOURCE;
import static dev.veltrix.progression.battlepass.BattlePass.GRANTS;
import static dev.veltrix.progression.battlepass.BattlePass.X_PREV_SEGMENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SEGMENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SEQ;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SelectIn;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxFollower;
import dev.veltrix.storage.outbox.OutboxTail;
import dev.veltrix.storage.outbox.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Turns game events into battle-pass XP. On the one node holding its lease it follows the outbox in order and
 * takes a batch of game events at a time into one transaction together with its cursor, so each event counts
 * exactly once (the event ingest takes a re-sent event in once; a crash replays the batch, whose rows were not
 * committed; a batch read again after a lost cursor is known by its outbox positions). Daily caps and multipliers
 * apply per event as it happened. Each grant is written near the end of the history ({@link BattlePass#GRANTS}), so
 * the pages a batch dirties do not grow with the season; the players' totals are folded from the grants about once a
 * second ({@link XpFold}) instead of rewritten by every batch.
 */
public final class XpFeed implements AutoCloseable {
    public static final String CONSUMER = "battlepass-xp";
    // Small enough that one batch's transaction holds the single SQLite writer only briefly.
    private static final int BATCH_MAX = 500;
    private static final String GAME_PREFIX = "game.";
    // Each slice is folded about once a second: at 10,000 events a second each page of the totals is then written
    // about once a second, and readers add at most a second of grants to the folded rows.
    private static final Duration FOLD_EVERY = Duration.ofSeconds(1);
    // Values of the folded rows kept per slice and kind: all the players of some 130,000 active in a second.
    private static final int KNOWN_MAX = 8_192;

    private final Database database;
    private final BattlePass pass;
    private final OutboxFollower follower;
    private final long foldSliceEveryNanos;
    // Kept by the follower's one thread: by slice, what it counted since the slice's last fold (null: to be read from the
    // grants); the slice to fold next, and when the last fold ran.
    private final Unfolded[] unfolded = new Unfolded[XpFold.SLICES];
    private int nextSlice;
    private long foldedAt = System.nanoTime();

    public XpFeed(Database database, BattlePass pass, Leases leases, String nodeId) {
        this(database, pass, leases, nodeId, FOLD_EVERY);
    }

    /** A feed that folds each slice every {@code foldEvery} (tests choose when folds happen). */
    XpFeed(Database database, BattlePass pass, Leases leases, String nodeId, Duration foldEvery) {
        this.database = database;
        this.pass = pass;
        this.foldSliceEveryNanos = foldEvery.toNanos() / XpFold.SLICES;
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
     * One batch: its grants and the cursor in one transaction, then a fold when one is due, then auto-claims. The
     * seasons and the events' JSON are read before it, so the transaction (which holds SQLite's one writer) only writes.
     * It is replayable: XP is rebuilt from the outbox, so a power failure that takes back its commit takes back the
     * cursor with it.
     */
    private void handle(List<StoredEvent> batch, long last) {
        List<Season> seasons = seasons(database.dsl(), batch);
        List<Candidate> candidates = candidates(batch, seasons);
        Awarded awarded = database.inReplayableTransaction(tx -> {
            Unfolded[] since = unfolded(tx);
            Awarded counted = award(tx, candidates, since);
            Outbox.saveCursor(tx, CONSUMER, last);
            return counted;
        });
        System.arraycopy(awarded.since(), 0, unfolded, 0, unfolded.length);
        awarded.grants().forEach(g -> unfolded[XpFold.slice(g.player())].sums.add(g));
        if (System.nanoTime() - foldedAt >= foldSliceEveryNanos) {
            fold(nextSlice, last);
            nextSlice = (nextSlice + 1) % XpFold.SLICES;
        }
        awarded.grown().forEach((seasonId, players) -> {
            if (seasons.stream().anyMatch(season -> season.id().equals(seasonId) && season.autoClaim())) {
                players.forEach(player -> pass.claimReached(seasonId, player));
            }
        });
    }

    /**
     * What was counted after each slice's position: what this node kept where the position is where it left it, read
     * from the grants where another node's fold (or an archive's) moved it, or where this node has just started.
     */
    private Unfolded[] unfolded(DSLContext tx) {
        long[] positions = XpFold.positions(tx);
        Unfolded[] since = new Unfolded[XpFold.SLICES];
        boolean stale = false;
        for (int slice = 0; slice < since.length; slice++) {
            boolean kept = unfolded[slice] != null && unfolded[slice].base == positions[slice];
            since[slice] = kept ? unfolded[slice] : new Unfolded(positions[slice]);
            stale |= !kept;
        }
        if (stale) {
            XpFold.forEachUnfolded(tx, positions, Long.MAX_VALUE, g -> {
                Unfolded slice = since[XpFold.slice(g.player())];
                if (slice != unfolded[XpFold.slice(g.player())]) {
                    slice.sums.add(g);
                }
            });
        }
        return since;
    }

    /** Folds a slice's grants counted up to outbox position {@code upTo} into the players' rows ({@link XpFold}). */
    void fold(int slice, long upTo) {
        Unfolded kept = unfolded[slice];
        if (kept != null) {
            boolean moved = database.inReplayableTransaction(tx -> XpFold.fold(tx, slice, kept.base, upTo, kept.sums, System.currentTimeMillis()));
            unfolded[slice] = moved ? kept.folded(Math.max(kept.base, upTo)) : null;
        }
        foldedAt = System.nanoTime();
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

    /** An event that may give XP: its season, player, source, and the XP before any cap. */
    private record Candidate(long seq, Season season, String eventId, UUID player, String source, long xp, long at) {
        String dayKey() {
            return XpFold.Grant.dayKey(season.id(), player.toString(), source, XpFold.day(at));
        }

        String playerKey() {
            return XpFold.Grant.playerKey(season.id(), player.toString());
        }

        int slice() {
            return XpFold.slice(player.toString());
        }
    }

    /**
     * What the feed counted after a slice's position, and what it knows of the slice's rows as folded up to that
     * position: the newest segments and day totals its next grants need.
     */
    private static final class Unfolded {
        final long base;
        final XpFold.Sums sums = new XpFold.Sums();
        // The folded rows change only when the position moves, so values read from them (or left by this node's own
        // fold) hold until then: a player is read once, not in every batch. By player key: the newest segment (null
        // without one); by day key: a capped source's folded XP of the day (0 without a row).
        final Map<String, Long> segments = new HashMap<>();
        final Map<String, Long> days = new HashMap<>();

        Unfolded(long base) {
            this.base = base;
        }

        /** What is known of the rows once this node's fold has added the sums to them, up to {@code upTo}. */
        Unfolded folded(long upTo) {
            Unfolded next = new Unfolded(upTo);
            // Bounded: past the limit only the players just folded are carried over (the others are read again).
            if (segments.size() <= KNOWN_MAX) {
                next.segments.putAll(segments);
            }
            if (days.size() <= KNOWN_MAX) {
                next.days.putAll(days);
            }
            sums.players.forEach((key, total) -> next.segments.put(key, total[1]));
            sums.days.forEach((key, xp) -> {
                Long before = days.get(key);
                if (before != null) {
                    next.days.put(key, before + xp);
                }
            });
            return next;
        }
    }

    /** A batch's outcome: what it counted, and the players whose XP grew, by season. */
    private record Awarded(Unfolded[] since, List<XpFold.Grant> grants, Map<String, Set<UUID>> grown) {
    }

    /**
     * Counts a batch's candidates inside {@code tx} with a fixed number of statements whatever its size: reads of what is
     * already counted, the folded day totals and newest segments, then one multi-row insert of the grants.
     */
    private Awarded award(DSLContext tx, List<Candidate> all, Unfolded[] since) {
        Awarded awarded = new Awarded(since, new ArrayList<>(), new HashMap<>());
        if (all.isEmpty()) {
            return awarded;
        }
        // Every look-up names the season first: the tables' keys start with it, so these are index look-ups.
        Set<String> seasonIds = new HashSet<>(tx.select(BattlePass.S_ID).from(SEASONS)
                .where(BattlePass.S_ID.in(all.stream().map(c -> c.season().id()).distinct().toList()), BattlePass.S_ARCHIVED.isNull())
                .fetch(BattlePass.S_ID));
        // A season archived since its definition was read counts no more.
        List<Candidate> candidates = all.stream().filter(c -> seasonIds.contains(c.season().id())).toList();
        if (candidates.isEmpty()) {
            return awarded;
        }
        // What of this batch was counted before (it is read again after a lost cursor): a range at the end of an index.
        long first = candidates.stream().mapToLong(Candidate::seq).min().orElseThrow();
        long last = candidates.stream().mapToLong(Candidate::seq).max().orElseThrow();
        Set<Long> counted = new HashSet<>(tx.select(X_SEQ).from(GRANTS).where(P_SEASON.in(seasonIds), X_SEQ.between(first, last)).fetch(X_SEQ));
        Map<String, Long> folded = new HashMap<>();
        Map<String, Long> segments = new HashMap<>();
        for (String seasonId : seasonIds) {
            List<Candidate> ofSeason = candidates.stream().filter(c -> c.season().id().equals(seasonId)).toList();
            // The day's folded XP, for the players of capped sources only (only those have daily rows), read where the
            // feed does not know it yet.
            List<Candidate> capped = ofSeason.stream().filter(c -> c.season().sources().get(c.source()).dailyCap() > 0).toList();
            List<String> unknownDays = capped.stream().filter(c -> !since[c.slice()].days.containsKey(c.dayKey()))
                    .map(c -> c.player().toString()).distinct().toList();
            SelectIn.forEach(tx, "select player, source, day, xp from pass_daily where season_id = ? and player in ",
                    List.of(seasonId), unknownDays, "", row -> folded.put(
                            XpFold.Grant.dayKey(seasonId, row.getString(1), row.getString(2), row.getInt(3)), row.getLong(4)));
            capped.forEach(c -> folded.put(c.dayKey(), since[c.slice()].days.computeIfAbsent(c.dayKey(), k -> folded.getOrDefault(k, 0L))));
            // Each player's newest history segment, which their next grant links back to: the folded one unless the
            // feed counted them since.
            List<Candidate> notCountedSince = ofSeason.stream().filter(c -> since[c.slice()].sums.lastSegment(c.playerKey()) == null).toList();
            List<String> unknownSegments = notCountedSince.stream().filter(c -> !since[c.slice()].segments.containsKey(c.playerKey()))
                    .map(c -> c.player().toString()).distinct().toList();
            SelectIn.forEach(tx, "select player, last_segment from pass_progress where season_id = ? and player in ",
                    List.of(seasonId), unknownSegments, "",
                    row -> segments.put(XpFold.Grant.playerKey(seasonId, row.getString(1)), row.getObject(2) == null ? null : row.getLong(2)));
            for (Candidate c : notCountedSince) {
                Map<String, Long> known = since[c.slice()].segments;
                if (!known.containsKey(c.playerKey())) {
                    known.put(c.playerKey(), segments.get(c.playerKey())); // null: no row, or a row without grants
                }
                segments.put(c.playerKey(), known.get(c.playerKey()));
            }
        }
        RowInserter grants = new RowInserter(GRANTS, List.of(P_SEASON, X_SEGMENT, P_PLAYER, X_SEQ, X_EVENT, X_SOURCE, P_XP, X_AT, X_PREV_SEGMENT));
        Map<String, Long> today = new HashMap<>();
        for (Candidate c : candidates) {
            if (!counted.add(c.seq())) {
                continue; // counted before
            }
            long xp = c.xp();
            long cap = c.season().sources().get(c.source()).dailyCap();
            if (cap > 0) {
                long before = today.computeIfAbsent(c.dayKey(), k -> folded.getOrDefault(k, 0L) + since[c.slice()].sums.days.getOrDefault(k, 0L));
                xp = Math.max(0, Math.min(xp, cap - before));
                today.put(c.dayKey(), before + xp);
            }
            String key = c.playerKey();
            long segment = c.seq() >> BattlePass.SEGMENT_BITS;
            Long previous = segments.containsKey(key) ? segments.get(key) : since[c.slice()].sums.lastSegment(key);
            grants.add(c.season().id(), segment, c.player().toString(), c.seq(), c.eventId(), c.source(), xp, c.at(), previous);
            segments.put(key, segment);
            awarded.grants().add(new XpFold.Grant(c.season().id(), c.player().toString(), c.source(), xp, c.at(), segment, c.seq()));
            if (xp > 0) {
                awarded.grown().computeIfAbsent(c.season().id(), s -> new HashSet<>()).add(c.player());
            }
        }
        grants.execute(tx);
        return awarded;
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
                    Math.round(season.sources().get(source).xp() * factor), event.occurredAt().toEpochMilli()));
        }
        return out;
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
