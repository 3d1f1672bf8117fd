package dev.veltrix.progression.battlepass;

import static dev.veltrix.progression.battlepass.BattlePass.GRANTS;
import static dev.veltrix.progression.battlepass.BattlePass.P_LAST_SEGMENT;
import static dev.veltrix.progression.battlepass.BattlePass.P_PLAYER;
import static dev.veltrix.progression.battlepass.BattlePass.P_PREMIUM;
import static dev.veltrix.progression.battlepass.BattlePass.P_SEASON;
import static dev.veltrix.progression.battlepass.BattlePass.P_UPDATED;
import static dev.veltrix.progression.battlepass.BattlePass.P_XP;
import static dev.veltrix.progression.battlepass.BattlePass.PROGRESS;
import static dev.veltrix.progression.battlepass.BattlePass.S_DEFINITION;
import static dev.veltrix.progression.battlepass.BattlePass.S_ID;
import static dev.veltrix.progression.battlepass.BattlePass.SEASONS;
import static dev.veltrix.progression.battlepass.BattlePass.SEGMENT_BITS;
import static dev.veltrix.progression.battlepass.BattlePass.X_AT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SEGMENT;
import static dev.veltrix.progression.battlepass.BattlePass.X_SEQ;
import static dev.veltrix.progression.battlepass.BattlePass.X_SOURCE;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import dev.veltrix.storage.BatchUpdate;
import dev.veltrix.storage.SelectIn;
import dev.veltrix.storage.outbox.Outbox;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SQLDialect;

/**
 * The players' XP totals, kept behind their grants. The feed writes a batch's grants, which fall near the end of their
 * tables, and nothing else; the grants it counted are folded into the progress and daily rows later, a slice of the
 * players at a time. Written per batch, those rows of 100 random players cost about 170 random pages for every 100
 * events; a slice's fold writes each of its pages once for all the grants on it.
 *
 * <p>The players are cut into {@link #SLICES} slices by the first hex digit of their id, so each slice's rows are one
 * sixteenth of the tables' key order, and each slice has its own position in the outbox: every grant of a slice's
 * players at or before it is in the rows. A fold claims its range by moving the position from where it read it, so a
 * second fold of the same range (another node, an archive) finds it moved and writes nothing. Folding a slice at a time
 * keeps each fold's transaction, which holds SQLite's one writer, short. Readers add the grants after a player's
 * position to the folded row ({@link #totals}), so a player's XP is exact as soon as the grant commits.
 */
final class XpFold {
    static final int SLICES = 16;
    private static final String POSITION_PREFIX = "battlepass-fold-";
    private static final long DAY_MILLIS = 86_400_000L;
    // A slice far behind (its node was gone) is read by a range of the history's segments instead of one per segment.
    private static final int SEGMENTS_LISTED_MAX = 256;

    private XpFold() {
    }

    /** A grant as folds and the feed read it back. */
    record Grant(String season, String player, String source, long xp, long at, long segment, long seq) {
        String playerKey() {
            return playerKey(season, player);
        }

        String dayKey() {
            return dayKey(season, player, source, day(at));
        }

        static String playerKey(String season, String player) {
            return season + "|" + player;
        }

        /** The key of a player's XP from a source on a day (UTC days since the epoch), as the daily caps count it. */
        static String dayKey(String season, String player, String source, int day) {
            return season + "|" + player + "|" + source + "|" + day;
        }
    }

    /** What a slice's fold adds to the rows: each player's XP and newest segment, and their XP per source and day. */
    static final class Sums {
        final Map<String, long[]> players = new HashMap<>(); // player key -> {xp, newest segment}
        final Map<String, Long> days = new HashMap<>();

        void add(Grant grant) {
            long[] total = players.computeIfAbsent(grant.playerKey(), k -> new long[] {0, Long.MIN_VALUE});
            total[0] += grant.xp();
            total[1] = Math.max(total[1], grant.segment());
            days.merge(grant.dayKey(), grant.xp(), Long::sum);
        }

        /** The player's newest segment among these grants, or null when they have none here. */
        Long lastSegment(String playerKey) {
            long[] total = players.get(playerKey);
            return total == null ? null : total[1];
        }
    }

    /** A player's totals in a season, the grants not folded yet included. */
    record Totals(long xp, Long lastSegment, boolean premium) {
    }

    /** The UTC day (days since the epoch) of a time in epoch milliseconds: the day a daily cap counts an event on. */
    static int day(long at) {
        return (int) Math.floorDiv(at, DAY_MILLIS);
    }

    /** The slice of a player: the first hex digit of their id. */
    static int slice(String player) {
        return Character.digit(player.charAt(0), 16) & (SLICES - 1);
    }

    /** Every slice's position, by slice (0 before its first fold). */
    static long[] positions(DSLContext dsl) {
        return positions(dsl, false);
    }

    private static long[] positions(DSLContext dsl, boolean lock) {
        long[] positions = new long[SLICES];
        Outbox.cursors(dsl, POSITION_PREFIX, lock).forEach((name, seq) -> positions[Integer.parseInt(name.substring(POSITION_PREFIX.length()), 16)] = seq);
        return positions;
    }

    /** Every grant counted after its player's slice position and up to outbox position {@code upTo}, of every season. */
    static void forEachUnfolded(DSLContext dsl, long[] positions, long upTo, Consumer<Grant> each) {
        long after = Arrays.stream(positions).min().orElseThrow();
        // By season: the grants' index on position starts with the season.
        for (String season : dsl.select(S_ID).from(SEASONS).fetch(S_ID)) {
            dsl.select(P_PLAYER, X_SOURCE, P_XP, X_AT, X_SEGMENT, X_SEQ).from(GRANTS).where(P_SEASON.eq(season), X_SEQ.gt(after), X_SEQ.le(upTo))
                    .forEach(r -> {
                        if (r.value6() > positions[slice(r.value1())]) {
                            each.accept(new Grant(season, r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
                        }
                    });
        }
    }

    /** Folds everything the feed has counted (up to its cursor), every slice: archiving a season reads final totals. */
    static void foldCounted(DSLContext tx, long now) {
        // The positions are read locked: a slice's fold running elsewhere waits, then finds its position moved, so no
        // slice is left out of totals the caller reads (an archive's standings).
        long[] positions = positions(tx, true);
        long upTo = Outbox.cursor(tx, XpFeed.CONSUMER);
        Sums[] sums = new Sums[SLICES];
        Arrays.setAll(sums, i -> new Sums());
        forEachUnfolded(tx, positions, upTo, g -> sums[slice(g.player())].add(g));
        for (int slice = 0; slice < SLICES; slice++) {
            fold(tx, slice, positions[slice], upTo, sums[slice], now);
        }
    }

    /**
     * Folds {@code sums}, a slice's grants after position {@code from} up to {@code upTo}, into the rows inside
     * {@code tx}. Returns false, having written nothing, when the slice's position is no longer {@code from}.
     */
    static boolean fold(DSLContext tx, int slice, long from, long upTo, Sums sums, long now) {
        if (upTo <= from) {
            return positions(tx)[slice] == from;
        }
        // The position moves first: a second fold of the same range waits on its row, then finds it moved.
        if (!Outbox.moveCursor(tx, POSITION_PREFIX + Integer.toHexString(slice), from, upTo)) {
            return false;
        }
        SQLDialect dialect = tx.dialect().family();
        BatchUpdate progress = new BatchUpdate(upsert(dialect, "pass_progress (season_id, player, xp, premium, updated_at, last_segment)",
                "(?, ?, ?, 0, ?, ?)", "season_id, player", "updated_at", "last_segment"));
        sums.players.forEach((key, total) -> {
            String[] k = key.split("\\|");
            progress.add(k[0], k[1], total[0], now, total[1]);
        });
        progress.execute(tx);
        Map<String, Season> seasons = new HashMap<>();
        BatchUpdate daily = new BatchUpdate(upsert(dialect, "pass_daily (season_id, player, source, day, xp)", "(?, ?, ?, ?, ?)",
                "season_id, player, source, day"));
        sums.days.forEach((key, xp) -> {
            String[] k = key.split("\\|");
            Season season = seasons.computeIfAbsent(k[0], id -> BattlePass.read(tx.select(S_DEFINITION).from(SEASONS).where(S_ID.eq(id)).fetchOne(S_DEFINITION)));
            Season.XpSource source = season.sources().get(k[2]);
            // Only capped sources keep day totals: the caps are all they are for.
            if (source != null && source.dailyCap() > 0) {
                daily.add(k[0], k[1], k[2], Integer.parseInt(k[3]), xp);
            }
        });
        daily.execute(tx);
        return true;
    }

    /** An insert that adds its xp to the row's when the key exists, and sets the {@code replaced} columns. */
    private static String upsert(SQLDialect dialect, String into, String values, String key, String... replaced) {
        StringBuilder sql = new StringBuilder("insert into ").append(into).append(" values ").append(values);
        if (dialect == SQLDialect.SQLITE || dialect == SQLDialect.POSTGRES) {
            String table = into.substring(0, into.indexOf(' '));
            sql.append(" on conflict (").append(key).append(") do update set xp = ").append(table).append(".xp + excluded.xp");
            for (String column : replaced) {
                sql.append(", ").append(column).append(" = excluded.").append(column);
            }
        } else {
            sql.append(" on duplicate key update xp = xp + values(xp)");
            for (String column : replaced) {
                sql.append(", ").append(column).append(" = values(").append(column).append(")");
            }
        }
        return sql.toString();
    }

    /**
     * A player's totals: the folded row plus the grants after their slice's position. Read again if a fold moved the
     * position meanwhile, so no grant is counted twice (in the row and after the position) or missed.
     */
    static Totals totals(DSLContext dsl, String season, String player) {
        String position = POSITION_PREFIX + Integer.toHexString(slice(player));
        while (true) {
            long folded = Outbox.cursor(dsl, position);
            Record row = dsl.select(P_XP, P_LAST_SEGMENT, P_PREMIUM).from(PROGRESS).where(P_SEASON.eq(season), P_PLAYER.eq(player)).fetchOne();
            long xp = row == null ? 0 : row.get(P_XP);
            Long lastSegment = row == null ? null : row.get(P_LAST_SEGMENT);
            Record2<BigDecimal, Long> unfolded = unfoldedOf(dsl, season, player, folded);
            if (unfolded != null && unfolded.value2() != null) {
                xp += unfolded.value1().longValue();
                lastSegment = unfolded.value2();
            }
            if (Outbox.cursor(dsl, position) == folded) {
                return new Totals(xp, lastSegment, row != null && row.get(P_PREMIUM) == 1);
            }
        }
    }

    /** The XP and newest segment of a player's grants after {@code folded}, by index look-ups of the newest segments. */
    private static Record2<BigDecimal, Long> unfoldedOf(DSLContext dsl, String season, String player, long folded) {
        Long newest = dsl.select(max(X_SEQ)).from(GRANTS).where(P_SEASON.eq(season), X_SEQ.gt(folded)).fetchOne(0, Long.class);
        if (newest == null) {
            return null;
        }
        long first = (folded + 1) >> SEGMENT_BITS;
        long last = newest >> SEGMENT_BITS;
        var segments = last - first < SEGMENTS_LISTED_MAX
                ? X_SEGMENT.in(LongStream.rangeClosed(first, last).boxed().toList())
                : X_SEGMENT.between(first, last);
        return dsl.select(sum(P_XP), max(X_SEGMENT)).from(GRANTS)
                .where(P_SEASON.eq(season), segments, P_PLAYER.eq(player), X_SEQ.gt(folded)).fetchOne();
    }

    /**
     * The ids of a season's players with the most XP, most first (on a tie, the one whose row changed earlier first). The
     * best by folded XP and every player with grants not folded yet are the candidates: no one else can have passed them.
     */
    static List<String> leaders(DSLContext dsl, String season, int limit) {
        while (true) {
            long[] folded = positions(dsl);
            Map<String, long[]> standing = new HashMap<>(); // player -> {xp, updated at}
            dsl.select(P_PLAYER, P_XP, P_UPDATED).from(PROGRESS).where(P_SEASON.eq(season)).orderBy(P_XP.desc(), P_UPDATED.asc()).limit(limit)
                    .forEach(r -> standing.put(r.value1(), new long[] {r.value2(), r.value3()}));
            Map<String, Long> unfolded = unfoldedXp(dsl, season, folded);
            List<String> others = unfolded.keySet().stream().filter(p -> !standing.containsKey(p)).toList();
            SelectIn.forEach(dsl, "select player, xp, updated_at from pass_progress where season_id = ? and player in ", List.of(season), others, "",
                    row -> standing.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)}));
            if (!Arrays.equals(positions(dsl), folded)) {
                continue; // a fold moved XP from the grants into the rows between the reads: read again
            }
            unfolded.forEach((player, xp) -> standing.merge(player, new long[] {xp, Long.MAX_VALUE}, (row, more) -> new long[] {row[0] + more[0], row[1]}));
            return standing.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                            .thenComparingLong(e -> e.getValue()[1]).thenComparing(Map.Entry::getKey))
                    .limit(limit).map(Map.Entry::getKey).toList();
        }
    }

    /** The XP of every player of a season with grants after their slice's position in {@code positions}. */
    private static Map<String, Long> unfoldedXp(DSLContext dsl, String season, long[] positions) {
        Map<String, Long> xp = new HashMap<>();
        dsl.select(P_PLAYER, P_XP, X_SEQ).from(GRANTS).where(P_SEASON.eq(season), X_SEQ.gt(Arrays.stream(positions).min().orElseThrow()))
                .forEach(r -> {
                    if (r.value3() > positions[slice(r.value1())]) {
                        xp.merge(r.value1(), r.value2(), Long::sum);
                    }
                });
        return xp;
    }
}
