package dev.veltrix.progression.battlepass;

import static dev.veltrix.progression.battlepass.BattlePass.CLAIMS;
import static dev.veltrix.progression.battlepass.BattlePass.PROGRESS;
import static dev.veltrix.progression.battlepass.BattlePass.P_PLAYER;
import static dev.veltrix.progression.battlepass.BattlePass.P_PREMIUM;
import static dev.veltrix.progression.battlepass.BattlePass.P_SEASON;
import static dev.veltrix.progression.battlepass.BattlePass.P_UPDATED;
import static dev.veltrix.progression.battlepass.BattlePass.P_XP;
import static dev.veltrix.progression.battlepass.BattlePass.SEASONS;
import static dev.veltrix.progression.battlepass.BattlePass.S_ARCHIVED;
import static dev.veltrix.progression.battlepass.BattlePass.S_ENDS;
import static dev.veltrix.progression.battlepass.BattlePass.S_ID;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.RowInserter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Closes seasons that have ended, once each: every reward a player reached and did not claim is granted (nobody
 * loses what they earned by not claiming in time), then each player's final standing is kept and the season is marked
 * archived, after which it takes no claims. The grants run player by player under their own keys, so an archive a
 * crash interrupted resumes where it stopped and grants nothing twice.
 */
public final class SeasonArchive {
    static final Table<Record> ARCHIVE = table(name("pass_archive"));
    static final Field<Integer> A_PLACE = field(name("place"), Integer.class);
    static final Field<Integer> A_TIER = field(name("tier"), Integer.class);
    static final Field<Integer> A_REWARDS = field(name("rewards"), Integer.class);

    private final Database database;
    private final Clock clock;
    private final BattlePass pass;

    public SeasonArchive(Database database, Clock clock, BattlePass pass) {
        this.database = database;
        this.clock = clock;
        this.pass = pass;
    }

    /** Archives every season that has ended and is not archived yet; returns how many. */
    public int archiveEnded() {
        List<String> ended = database.dsl().select(S_ID).from(SEASONS).where(S_ENDS.le(clock.millis()), S_ARCHIVED.isNull()).fetch(S_ID);
        ended.forEach(this::archive);
        return ended.size();
    }

    /** Archives one season that has ended (a running one is refused). Archiving again changes nothing. */
    public void archive(String seasonId) {
        Season season = pass.season(seasonId);
        if (season.endsAt().isAfter(clock.instant())) {
            throw new RejectedException("season-running", "season " + seasonId + " runs until " + season.endsAt() + "; it is archived after it ends");
        }
        if (pass.archivedAt(seasonId).isPresent()) {
            return;
        }
        // Every player the feed counted has a progress row once their grants are folded.
        database.inTransaction(tx -> {
            XpFold.foldCounted(tx, clock.millis());
            return null;
        });
        for (String player : database.dsl().select(P_PLAYER).from(PROGRESS).where(P_SEASON.eq(seasonId)).fetch(P_PLAYER)) {
            pass.claimReached(seasonId, UUID.fromString(player));
        }
        database.inTransaction(tx -> {
            if (tx.update(SEASONS).set(S_ARCHIVED, clock.millis()).where(S_ID.eq(seasonId), S_ARCHIVED.isNull()).execute() == 0) {
                return null; // another node archived it meanwhile
            }
            // The standings are read from the rows: what the feed counted since the first fold goes into them first.
            XpFold.foldCounted(tx, clock.millis());
            Map<String, Integer> rewards = new HashMap<>();
            tx.select(P_PLAYER, count()).from(CLAIMS).where(P_SEASON.eq(seasonId)).groupBy(P_PLAYER).forEach(r -> rewards.put(r.value1(), r.value2()));
            RowInserter rows = new RowInserter(ARCHIVE, List.of(P_SEASON, P_PLAYER, A_PLACE, P_XP, A_TIER, P_PREMIUM, A_REWARDS));
            int place = 0;
            for (Record r : tx.select(P_PLAYER, P_XP, P_PREMIUM).from(PROGRESS).where(P_SEASON.eq(seasonId)).orderBy(P_XP.desc(), P_UPDATED.asc(),
                    P_PLAYER).fetch()) {
                long xp = r.get(P_XP);
                rows.add(seasonId, r.get(P_PLAYER), ++place, xp, season.tiers().tierFor(xp), r.get(P_PREMIUM), rewards.getOrDefault(r.get(P_PLAYER), 0));
            }
            rows.execute(tx);
            return null;
        });
    }

    /** The final standings of an archived season, best first. */
    public List<Standing> standings(String seasonId, int limit) {
        Season season = pass.season(seasonId);
        if (pass.archivedAt(seasonId).isEmpty()) {
            throw new RejectedException("season-not-archived", "season " + seasonId + " is not archived yet; it ends at " + season.endsAt()
                    + " and is archived within a minute after");
        }
        return database.dsl().select(P_SEASON, P_PLAYER, A_PLACE, P_XP, A_TIER, P_PREMIUM, A_REWARDS).from(ARCHIVE).where(P_SEASON.eq(seasonId))
                .orderBy(A_PLACE).limit(limit).fetch(SeasonArchive::read);
    }

    /** A player's standings in every archived season, the latest season first. */
    public List<Standing> of(UUID player) {
        // The two tables share no column names, so the fields need no qualifying.
        return database.dsl().select(P_SEASON, P_PLAYER, A_PLACE, P_XP, A_TIER, P_PREMIUM, A_REWARDS).from(ARCHIVE).join(SEASONS)
                .on(S_ID.eq(P_SEASON)).where(P_PLAYER.eq(player.toString())).orderBy(S_ENDS.desc()).fetch(SeasonArchive::read);
    }

    private static Standing read(Record r) {
        return new Standing(r.get(P_SEASON), r.get(P_PLAYER), r.get(A_PLACE), r.get(P_XP), r.get(A_TIER), r.get(P_PREMIUM) == 1, r.get(A_REWARDS));
    }
}
