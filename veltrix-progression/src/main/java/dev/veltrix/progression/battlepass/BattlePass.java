package dev.veltrix.progression.battlepass;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.SqlEffect;
import dev.veltrix.progression.rewards.GameDeliveries;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Battle-pass seasons: the definition, each player's XP and tier, premium, and rewards claimed once (or granted as
 * tiers are reached when the season auto-claims). XP comes from game events through {@link XpFeed}; rewards in game
 * currency are paid through the ledger under a key per player, tier and track, so a retry never pays twice.
 */
public final class BattlePass {
    public static final AccountId SPONSOR = new AccountId("system:battlepass");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int PARSED_MAX = 64;
    private static final java.util.Map<String, Season> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    static final Table<Record> SEASONS = table(name("pass_seasons"));
    static final Field<String> S_ID = field(name("id"), String.class);
    static final Field<String> S_NAME = field(name("name"), String.class);
    static final Field<Long> S_STARTS = field(name("starts_at"), Long.class);
    static final Field<Long> S_ENDS = field(name("ends_at"), Long.class);
    static final Field<String> S_DEFINITION = field(name("definition"), String.class);
    static final Field<Long> S_CREATED = field(name("created_at"), Long.class);
    static final Field<Long> S_ARCHIVED = field(name("archived_at"), Long.class);
    static final Table<Record> PROGRESS = table(name("pass_progress"));
    static final Field<String> P_SEASON = field(name("season_id"), String.class);
    static final Field<String> P_PLAYER = field(name("player"), String.class);
    static final Field<Long> P_XP = field(name("xp"), Long.class);
    static final Field<Integer> P_PREMIUM = field(name("premium"), Integer.class);
    static final Field<Long> P_UPDATED = field(name("updated_at"), Long.class);
    /** The player's newest segment of XP history (see {@link #GRANTS}). */
    static final Field<Long> P_LAST_SEGMENT = field(name("last_segment"), Long.class);
    /**
     * Every XP grant, keyed by season, segment, player and outbox position: the segment is the position's high bits, so
     * grants being written land in the newest segment's few pages; each grant links to the player's segment before.
     */
    static final Table<Record> GRANTS = table(name("pass_grants"));
    // 64 outbox positions a segment: within one, grants are ordered by player, so a batch of 100 grants spans two or
    // three segments of a few pages each. (Segments of 4,096, as first chosen, put a batch's grants on some 75 random
    // pages of the newest segment.) Grants written with either size link alike: the link holds the segment itself.
    static final int SEGMENT_BITS = 6;
    static final Field<Long> X_SEGMENT = field(name("segment"), Long.class);
    static final Field<Long> X_SEQ = field(name("seq"), Long.class);
    static final Field<Long> X_PREV_SEGMENT = field(name("prev_segment"), Long.class);
    static final Field<String> X_EVENT = field(name("event_id"), String.class);
    static final Field<String> X_SOURCE = field(name("source"), String.class);
    static final Field<Long> X_AT = field(name("at"), Long.class);
    static final Table<Record> CLAIMS = table(name("pass_claims"));
    static final Field<Integer> C_TIER = field(name("tier"), Integer.class);
    static final Field<String> C_TRACK = field(name("track"), String.class);

    private final Database database;
    private final Clock clock;
    private final LedgerService ledger;
    private final GameDeliveries deliveries;

    public BattlePass(Database database, Clock clock, LedgerService ledger, GameDeliveries deliveries) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
        this.deliveries = deliveries;
    }

    /**
     * Creates a season, or redefines one that has not started yet (its players' progress would depend on the old
     * definition once it runs). Checked as a whole, and refused when its window overlaps another season's. Returns
     * whether it was created.
     */
    public boolean save(Season season) {
        List<FieldError> errors = check(season);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the season was not saved", errors);
        }
        String definition;
        try {
            definition = JSON.writeValueAsString(season);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a season failed to serialise", e);
        }
        long starts = season.startsAt().toEpochMilli();
        long ends = season.endsAt().toEpochMilli();
        try {
            return database.inTransaction(tx -> {
                Optional<Long> startedAt = tx.select(S_STARTS).from(SEASONS).where(S_ID.eq(season.id())).fetchOptional(S_STARTS);
                if (startedAt.isPresent() && startedAt.get() <= clock.millis()) {
                    throw new ConflictException("season-started", "season " + season.id() + " started at " + Instant.ofEpochMilli(startedAt.get())
                            + "; a season is not redefined once it runs, as its players' progress depends on it");
                }
                Optional<String> overlapping = tx.select(S_ID).from(SEASONS)
                        .where(S_STARTS.lt(ends), S_ENDS.gt(starts), S_ID.ne(season.id())).limit(1).fetchOptional(S_ID);
                if (overlapping.isPresent()) {
                    throw new ConflictException("season-overlaps", "season " + season.id() + " overlaps season " + overlapping.get()
                            + "; seasons follow one another");
                }
                if (startedAt.isPresent()) {
                    tx.update(SEASONS).set(S_NAME, season.name()).set(S_STARTS, starts).set(S_ENDS, ends).set(S_DEFINITION, definition)
                            .where(S_ID.eq(season.id())).execute();
                    return false;
                }
                tx.insertInto(SEASONS, S_ID, S_NAME, S_STARTS, S_ENDS, S_DEFINITION, S_CREATED)
                        .values(season.id(), season.name(), starts, ends, definition, clock.millis()).execute();
                return true;
            });
        } catch (RuntimeException e) {
            if (database.kind().isDuplicateKey(e)) {
                throw new ConflictException("season-saved-meanwhile", "season " + season.id() + " was created meanwhile; load it and save again");
            }
            throw e;
        }
    }

    /** Every problem of a season's definition, each with the field it concerns; empty when it can be saved (overlaps aside). */
    public List<FieldError> check(Season season) {
        return SeasonRules.check(season, code -> ledger.currencies().stream().anyMatch(c -> c.code().equals(code)));
    }

    public Season season(String id) {
        return database.dsl().select(S_DEFINITION).from(SEASONS).where(S_ID.eq(id)).fetchOptional(S_DEFINITION).map(BattlePass::read)
                .orElseThrow(() -> new NotFoundException("no season " + id));
    }

    public List<Season> seasons() {
        return database.dsl().select(S_DEFINITION).from(SEASONS).orderBy(S_STARTS.desc()).fetch(S_DEFINITION).stream().map(BattlePass::read).toList();
    }

    /** The season running at {@code at}, if any (seasons never overlap). */
    public Optional<Season> running(Instant at) {
        return database.dsl().select(S_DEFINITION).from(SEASONS).where(S_STARTS.le(at.toEpochMilli()), S_ENDS.gt(at.toEpochMilli()))
                .fetchOptional(S_DEFINITION).map(BattlePass::read);
    }

    /**
     * The season a stored definition describes. Parsed definitions are kept by their text (a season is immutable, and
     * an edit stores a new text): the XP feed reads its seasons for every batch, and parsing them was a fifth of its
     * time. The few entries are dropped all at once if edits ever pile up.
     */
    static Season read(String definition) {
        Season known = PARSED.get(definition);
        if (known != null) {
            return known;
        }
        try {
            Season season = JSON.readValue(definition, Season.class);
            if (PARSED.size() >= PARSED_MAX) {
                PARSED.clear();
            }
            PARSED.put(definition, season);
            return season;
        } catch (IOException e) {
            throw new IllegalStateException("a stored season is unreadable", e);
        }
    }

    /** Unlocks the premium track for a player (an admin's grant). Granting again changes nothing. */
    public Progress grantPremium(String seasonId, UUID player) {
        season(seasonId);
        database.inTransaction(tx -> {
            setPremium(tx, seasonId, player, true);
            return null;
        });
        return progress(seasonId, player);
    }

    /**
     * Sets premium inside the caller's transaction (a store purchase, or its refund, marking its delivery done in the
     * same transaction). Rewards already claimed on the premium track stay claimed.
     */
    public void setPremium(DSLContext tx, String seasonId, UUID player, boolean on) {
        if (tx.update(PROGRESS).set(P_PREMIUM, on ? 1 : 0).set(P_UPDATED, clock.millis())
                .where(P_SEASON.eq(seasonId), P_PLAYER.eq(player.toString())).execute() == 0) {
            tx.insertInto(PROGRESS, P_SEASON, P_PLAYER, P_XP, P_PREMIUM, P_UPDATED).values(seasonId, player.toString(), 0L, on ? 1 : 0,
                    clock.millis()).execute();
        }
    }

    /** When the season was archived (it ended, its rewards were granted, its standings kept), if it was. */
    public Optional<Instant> archivedAt(String seasonId) {
        return database.dsl().select(S_ARCHIVED).from(SEASONS).where(S_ID.eq(seasonId)).fetchOptional(S_ARCHIVED).map(Instant::ofEpochMilli);
    }

    public boolean exists(String seasonId) {
        return database.dsl().fetchExists(SEASONS, S_ID.eq(seasonId));
    }

    /** A player's progress in a season: exact as soon as the feed counted their XP, folded or not ({@link XpFold}). */
    public Progress progress(String seasonId, UUID player) {
        Season season = season(seasonId);
        XpFold.Totals totals = XpFold.totals(database.dsl(), seasonId, player.toString());
        long xp = totals.xp();
        List<Long> thresholds = season.tiers().thresholds();
        int tier = season.tiers().tierFor(xp);
        List<String> claimed = database.dsl().select(C_TIER, C_TRACK).from(CLAIMS).where(P_SEASON.eq(seasonId), P_PLAYER.eq(player.toString()))
                .orderBy(C_TIER, C_TRACK).fetch(r -> r.value1() + ":" + r.value2().toLowerCase(java.util.Locale.ROOT));
        return new Progress(seasonId, player.toString(), xp, tier, tier < thresholds.size() ? thresholds.get(tier) : null,
                totals.premium(), thresholds, claimed);
    }

    /**
     * Every XP grant of a player in a season, newest counted first: source, amount (0 when a daily cap held it back),
     * time. Reads one segment of the history at a time, following the player's links back from their newest segment.
     */
    public List<XpGrant> history(String seasonId, UUID player, int limit) {
        season(seasonId);
        List<XpGrant> grants = new ArrayList<>();
        Long segment = XpFold.totals(database.dsl(), seasonId, player.toString()).lastSegment();
        while (segment != null && grants.size() < limit) {
            var rows = database.dsl().selectFrom(GRANTS).where(P_SEASON.eq(seasonId), X_SEGMENT.eq(segment), P_PLAYER.eq(player.toString()))
                    .orderBy(X_SEQ.desc()).fetch();
            if (rows.isEmpty()) {
                break;
            }
            rows.stream().limit(limit - grants.size()).forEach(r -> grants.add(new XpGrant(UUID.fromString(r.get(X_EVENT)), r.get(X_SOURCE), r.get(P_XP),
                    Instant.ofEpochMilli(r.get(X_AT)))));
            Long previous = rows.getLast().get(X_PREV_SEGMENT);
            // Links only point back (the feed counts in outbox order); one that does not would loop, so it ends here.
            segment = previous != null && previous < segment ? previous : null;
        }
        return grants;
    }

    /** The season's players by XP, most first (on a tie, the one whose total changed earlier first). */
    public List<Progress> leaderboard(String seasonId, int limit) {
        season(seasonId);
        return XpFold.leaders(database.dsl(), seasonId, limit).stream().map(p -> progress(seasonId, UUID.fromString(p))).toList();
    }

    /**
     * Claims a tier's reward on a track, once: a tier not reached, or the premium track without premium, is refused
     * with the reason; claiming again answers the same progress.
     */
    public Progress claim(String seasonId, UUID player, int tier, Season.Track track) {
        Season season = season(seasonId);
        Optional<Instant> archived = archivedAt(seasonId);
        if (archived.isPresent()) {
            throw new ConflictException("season-archived", "season " + seasonId + " ended and was archived at " + archived.get()
                    + "; every reward its players reached was granted then");
        }
        Progress progress = progress(seasonId, player);
        if (tier < 1 || tier > season.tiers().tiers()) {
            throw InvalidInputException.of("tier", "a tier of season " + seasonId + ", 1.." + season.tiers().tiers());
        }
        if (progress.tier() < tier) {
            throw new RejectedException("tier-not-reached", "tier " + tier + " needs " + progress.thresholds().get(tier - 1) + " XP; the player has "
                    + progress.xp());
        }
        if (track == Season.Track.PREMIUM && !progress.premium()) {
            throw new RejectedException("premium-needed", "the premium track needs premium for season " + seasonId);
        }
        Season.Reward reward = season.rewards().stream().filter(r -> r.tier() == tier && r.track() == track).findFirst()
                .orElseThrow(() -> new NotFoundException("tier " + tier + " has no " + track.name().toLowerCase(java.util.Locale.ROOT) + " reward"));
        String key = "pass:" + seasonId + ":" + player + ":" + tier + ":" + track; // the ledger's idempotency key: never change it
        GameDeliveries.InGame inGame = reward.inGame(seasonId, player);
        if (reward.currency() != null) {
            TransferRequest pay = new TransferRequest(SPONSOR, AccountId.player(player), reward.currency(), reward.amount(), "battlepass-reward",
                    Map.of("season", seasonId, "tier", Integer.toString(tier), "track", track.name().toLowerCase(java.util.Locale.ROOT)));
            ledger.post(key, List.of(pay), (SqlEffect) (tx, posted) -> recordClaim(tx, seasonId, player, reward));
        } else {
            // A command or an item is queued with the claim, in one transaction: claimed once, delivered once.
            database.inTransaction(tx -> {
                if (recordClaim(tx, seasonId, player, reward) && inGame != null) {
                    deliveries.queue(tx, key, player, inGame);
                }
                return null;
            });
            if (inGame != null) {
                deliveries.sendPending(player);
            }
        }
        return progress(seasonId, player);
    }

    /** Grants every reward the player has reached and not claimed (auto-claiming seasons). Returns how many. */
    public int claimReached(String seasonId, UUID player) {
        Season season = season(seasonId);
        Progress progress = progress(seasonId, player);
        int granted = 0;
        for (Season.Reward r : season.rewards()) {
            boolean open = r.tier() <= progress.tier() && (r.track() == Season.Track.FREE || progress.premium());
            if (open && !progress.claimed().contains(r.tier() + ":" + r.track().name().toLowerCase(java.util.Locale.ROOT))) {
                claim(seasonId, player, r.tier(), r.track());
                granted++;
            }
        }
        return granted;
    }

    private boolean recordClaim(DSLContext tx, String seasonId, UUID player, Season.Reward reward) {
        int inserted = tx.insertInto(CLAIMS, P_SEASON, P_PLAYER, C_TIER, C_TRACK, field(name("at"), Long.class))
                .values(seasonId, player.toString(), reward.tier(), reward.track().name(), clock.millis()).onConflictDoNothing().execute();
        if (inserted == 1) {
            Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("season", seasonId);
            payload.put("player", player.toString());
            payload.put("tier", reward.tier());
            payload.put("track", reward.track().name().toLowerCase(java.util.Locale.ROOT));
            payload.put("currency", reward.currency());
            payload.put("amount", reward.amount());
            payload.put("cosmetic", reward.cosmetic());
            payload.put("command", reward.command() == null ? null : reward.inGame(seasonId, player).text());
            payload.put("item", reward.item());
            payload.put("count", reward.item() == null ? null : reward.count());
            try {
                Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), "pass.reward_granted", player.toString(), clock.instant(),
                        "progression", JSON.writeValueAsString(payload))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a reward event failed to serialise", e);
            }
        }
        return inserted == 1;
    }
}
