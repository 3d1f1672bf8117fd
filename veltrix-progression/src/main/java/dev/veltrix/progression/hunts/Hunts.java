package dev.veltrix.progression.hunts;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Treasure hunts. A find is accepted only inside the hunt's window, within the treasure's radius (or with its
 * hidden item), after the previous clue in an ordered hunt, and once per player; its rank comes from the finds
 * before it under the hunt's row lock, so exactly N finders win a treasure's reward whatever the race. Every
 * accepted find, finish and reward is a timeline entry written with the projection in one transaction, announced
 * to every game server ({@code hunt.found}, {@code hunt.finished}); rewards are paid through the ledger once each.
 */
public final class Hunts {
    public static final SchemaModule SCHEMA = new SchemaModule("progression");
    public static final AccountId SPONSOR = new AccountId("system:hunts");
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final int TREASURES_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Hunts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Table<Record> HUNTS = table(name("hunt_hunts"));
    private static final Field<String> H_ID = field(name("id"), String.class);
    private static final Field<String> H_NAME = field(name("name"), String.class);
    private static final Field<Long> H_STARTS = field(name("starts_at"), Long.class);
    private static final Field<Long> H_ENDS = field(name("ends_at"), Long.class);
    private static final Field<Integer> H_ORDERED = field(name("ordered"), Integer.class);
    private static final Field<String> H_FIN_CURRENCY = field(name("finish_currency"), String.class);
    private static final Field<Long> H_FIN_AMOUNT = field(name("finish_amount"), Long.class);
    private static final Field<Integer> H_FIN_WINNERS = field(name("finish_winners"), Integer.class);
    private static final Field<Long> H_CREATED = field(name("created_at"), Long.class);
    private static final Table<Record> TREASURES = table(name("hunt_treasures"));
    private static final Field<String> T_HUNT = field(name("hunt_id"), String.class);
    private static final Field<String> T_ID = field(name("id"), String.class);
    private static final Field<Integer> T_POSITION = field(name("position"), Integer.class);
    private static final Field<String> T_CLUE = field(name("clue"), String.class);
    private static final Field<String> T_WORLD = field(name("world"), String.class);
    private static final Field<Double> T_X = field(name("x"), Double.class);
    private static final Field<Double> T_Y = field(name("y"), Double.class);
    private static final Field<Double> T_Z = field(name("z"), Double.class);
    private static final Field<Double> T_RADIUS = field(name("radius"), Double.class);
    private static final Field<String> T_ITEM = field(name("item"), String.class);
    private static final Field<Integer> T_WINNERS = field(name("winners"), Integer.class);
    private static final Field<String> T_CURRENCY = field(name("reward_currency"), String.class);
    private static final Field<Long> T_AMOUNT = field(name("reward_amount"), Long.class);
    private static final Table<Record> FINDS = table(name("hunt_finds"));
    private static final Field<String> F_HUNT = field(name("hunt_id"), String.class);
    private static final Field<String> F_TREASURE = field(name("treasure_id"), String.class);
    private static final Field<String> F_PLAYER = field(name("player"), String.class);
    private static final Field<Integer> F_RANK = field(name("rank"), Integer.class);
    private static final Field<Long> F_AT = field(name("at"), Long.class);
    private static final Field<Integer> F_REWARDED = field(name("rewarded"), Integer.class);
    private static final Table<Record> FINISHERS = table(name("hunt_finishers"));
    private static final Table<Record> EVENTS = table(name("hunt_events"));
    private static final Field<String> E_HUNT = field(name("hunt_id"), String.class);
    private static final Field<Integer> E_SEQ = field(name("seq"), Integer.class);
    private static final Field<String> E_ID = field(name("id"), String.class);
    private static final Field<Long> E_AT = field(name("at"), Long.class);
    private static final Field<String> E_KIND = field(name("kind"), String.class);
    private static final Field<String> E_PLAYER = field(name("player"), String.class);
    private static final Field<String> E_TREASURE = field(name("treasure"), String.class);
    private static final Field<Integer> E_RANK = field(name("rank"), Integer.class);
    private static final Field<String> E_DETAIL = field(name("detail"), String.class);

    private final Database database;
    private final Clock clock;
    private final LedgerService ledger;
    private final Predicate<String> currencyExists;

    public Hunts(Database database, Clock clock, LedgerService ledger) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
        this.currencyExists = code -> ledger.currencies().stream().anyMatch(c -> c.code().equals(code));
    }

    /**
     * Creates a hunt, or redefines one that has not started (a {@code redefined} entry on its timeline); once it runs
     * its finds depend on it, so it is not. Checked as a whole first: every problem listed, nothing written. Returns
     * whether it was created.
     */
    public boolean save(Hunt hunt) {
        List<FieldError> errors = check(hunt);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the hunt was not saved", errors);
        }
        try {
            return database.inTransaction(tx -> {
                Long startsAt = tx.select(H_STARTS).from(HUNTS).where(H_ID.eq(hunt.id())).fetchOne(H_STARTS);
                if (startsAt != null && startsAt <= clock.millis()) {
                    throw new ConflictException("hunt-started", "hunt " + hunt.id() + " started at " + Instant.ofEpochMilli(startsAt)
                            + "; a hunt is not redefined once it runs, as its finds depend on it");
                }
                if (startsAt != null) {
                    tx.update(HUNTS).set(H_NAME, hunt.name()).set(H_STARTS, hunt.startsAt().toEpochMilli()).set(H_ENDS, hunt.endsAt().toEpochMilli())
                            .set(H_ORDERED, hunt.ordered() ? 1 : 0).set(H_FIN_CURRENCY, hunt.finishCurrency()).set(H_FIN_AMOUNT, hunt.finishAmount())
                            .set(H_FIN_WINNERS, hunt.finishWinners()).where(H_ID.eq(hunt.id())).execute();
                    tx.deleteFrom(TREASURES).where(T_HUNT.eq(hunt.id())).execute();
                } else {
                    tx.insertInto(HUNTS, H_ID, H_NAME, H_STARTS, H_ENDS, H_ORDERED, H_FIN_CURRENCY, H_FIN_AMOUNT, H_FIN_WINNERS, H_CREATED)
                            .values(hunt.id(), hunt.name(), hunt.startsAt().toEpochMilli(), hunt.endsAt().toEpochMilli(), hunt.ordered() ? 1 : 0,
                                    hunt.finishCurrency(), hunt.finishAmount(), hunt.finishWinners(), clock.millis()).execute();
                }
                for (Treasure t : hunt.treasures()) {
                    tx.insertInto(TREASURES, T_HUNT, T_ID, T_POSITION, T_CLUE, T_WORLD, T_X, T_Y, T_Z, T_RADIUS, T_ITEM, T_WINNERS, T_CURRENCY, T_AMOUNT)
                            .values(hunt.id(), t.id(), t.position(), t.clue(), t.world(), t.x(), t.y(), t.z(), t.radius(), t.item(), t.winners(),
                                    t.rewardCurrency(), t.rewardAmount()).execute();
                }
                append(tx, hunt.id(), startsAt == null ? "created" : "redefined", null, null, null, json(hunt));
                return startsAt == null;
            });
        } catch (RuntimeException e) {
            if (database.kind().isDuplicateKey(e)) {
                throw new ConflictException("hunt-saved-meanwhile", "hunt " + hunt.id() + " was created meanwhile; load it and save again");
            }
            throw e;
        }
    }

    /** Every problem of a hunt's definition, each with the field it concerns; empty when it can be saved. */
    public List<FieldError> check(Hunt hunt) {
        return HuntRules.check(hunt, currencyExists);
    }

    public Hunt hunt(String id) {
        return find(database.dsl(), id).orElseThrow(() -> new NotFoundException("no hunt " + id));
    }

    public List<Hunt> list() {
        return database.dsl().select(H_ID).from(HUNTS).orderBy(H_STARTS.desc()).fetch(H_ID).stream().map(this::hunt).toList();
    }

    private static java.util.Optional<Hunt> find(DSLContext tx, String id) {
        Record h = tx.selectFrom(HUNTS).where(H_ID.eq(id)).fetchOne();
        if (h == null) {
            return java.util.Optional.empty();
        }
        List<Treasure> treasures = tx.selectFrom(TREASURES).where(T_HUNT.eq(id)).orderBy(T_POSITION).fetch(t -> new Treasure(t.get(T_ID),
                t.get(T_POSITION), t.get(T_CLUE), t.get(T_WORLD), t.get(T_X), t.get(T_Y), t.get(T_Z), t.get(T_RADIUS), t.get(T_ITEM),
                t.get(T_WINNERS), t.get(T_CURRENCY), t.get(T_AMOUNT)));
        return java.util.Optional.of(new Hunt(id, h.get(H_NAME), Instant.ofEpochMilli(h.get(H_STARTS)), Instant.ofEpochMilli(h.get(H_ENDS)),
                h.get(H_ORDERED) == 1, h.get(H_FIN_CURRENCY), h.get(H_FIN_AMOUNT), h.get(H_FIN_WINNERS), treasures));
    }

    /**
     * A game server reports that {@code player} found {@code treasure}, at a place ({@code world}, x, y, z) or holding
     * an item. A repeat of an accepted find answers the first result again.
     */
    public Find find(String huntId, String treasureId, UUID player, Sighting sighting) {
        Find find = database.inTransaction(tx -> {
            // The hunt's row lock: finds of one hunt take their ranks one at a time, on every database.
            if (tx.update(HUNTS).set(H_ID, H_ID).where(H_ID.eq(huntId)).execute() == 0) {
                throw new NotFoundException("no hunt " + huntId);
            }
            Hunt hunt = find(tx, huntId).orElseThrow();
            Treasure treasure = hunt.treasures().stream().filter(t -> t.id().equals(treasureId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("hunt " + huntId + " has no treasure " + treasureId));
            Record earlier = tx.selectFrom(FINDS).where(F_HUNT.eq(huntId), F_TREASURE.eq(treasureId), F_PLAYER.eq(player.toString())).fetchOne();
            if (earlier != null) {
                return new Find(huntId, treasureId, player.toString(), earlier.get(F_RANK), earlier.get(F_RANK) <= treasure.winners(), true, null);
            }
            Instant now = clock.instant();
            if (!hunt.running(now)) {
                throw new RejectedException("hunt-not-running", "hunt " + huntId + " runs from " + hunt.startsAt() + " until " + hunt.endsAt()
                        + "; finds outside that window do not count");
            }
            sighting.check(treasure);
            Set<String> found = new HashSet<>(tx.select(F_TREASURE).from(FINDS).where(F_HUNT.eq(huntId), F_PLAYER.eq(player.toString()))
                    .fetch(F_TREASURE));
            if (hunt.ordered()) {
                hunt.treasures().stream().filter(t -> t.position() < treasure.position() && !found.contains(t.id())).findFirst()
                        .ifPresent(missing -> {
                            throw new RejectedException("out-of-order", "this hunt's clues are followed in order: find " + missing.id()
                                    + " (\"" + missing.clue() + "\") first");
                        });
            }
            int rank = tx.fetchCount(FINDS, F_HUNT.eq(huntId).and(F_TREASURE.eq(treasureId))) + 1;
            tx.insertInto(FINDS, F_HUNT, F_TREASURE, F_PLAYER, F_RANK, F_AT, F_REWARDED)
                    .values(huntId, treasureId, player.toString(), rank, now.toEpochMilli(), 0).execute();
            boolean winner = rank <= treasure.winners();
            append(tx, huntId, "found", player, treasureId, rank, "{\"winner\":" + winner + "}");
            announce(tx, "hunt.found", huntId, Map.of("hunt", huntId, "treasure", treasureId, "player", player.toString(), "rank", rank,
                    "winner", winner, "clue", treasure.clue()));
            Integer finishedRank = null;
            if (found.size() + 1 == hunt.treasures().size()) {
                finishedRank = tx.fetchCount(FINISHERS, F_HUNT.eq(huntId)) + 1;
                tx.insertInto(FINISHERS, F_HUNT, F_PLAYER, F_RANK, F_AT, F_REWARDED)
                        .values(huntId, player.toString(), finishedRank, now.toEpochMilli(), 0).execute();
                append(tx, huntId, "finished", player, null, finishedRank, "{}");
                announce(tx, "hunt.finished", huntId, Map.of("hunt", huntId, "player", player.toString(), "rank", finishedRank));
            }
            return new Find(huntId, treasureId, player.toString(), rank, winner, false, finishedRank);
        });
        if (!find.repeat()) {
            payRewards(huntId);
        }
        return find;
    }

    /** Pays every reward a hunt owes and has not paid yet (after each find, and again after a crash). Returns how many. */
    public int payRewards(String huntId) {
        Hunt hunt = hunt(huntId);
        int paid = 0;
        for (Treasure t : hunt.treasures()) {
            if (t.rewardCurrency() == null) {
                continue;
            }
            for (Record f : database.dsl().selectFrom(FINDS).where(F_HUNT.eq(huntId), F_TREASURE.eq(t.id()), F_RANK.le(t.winners()),
                    F_REWARDED.eq(0)).fetch()) {
                paid += pay(huntId, t.id(), f.get(F_PLAYER), t.rewardCurrency(), t.rewardAmount()) ? 1 : 0;
            }
        }
        if (hunt.finishCurrency() != null) {
            var unpaid = database.dsl().selectFrom(FINISHERS).where(F_HUNT.eq(huntId), F_REWARDED.eq(0));
            var eligible = hunt.finishWinners() == 0 ? unpaid : unpaid.and(F_RANK.le(hunt.finishWinners()));
            for (Record f : eligible.fetch()) {
                paid += pay(huntId, null, f.get(F_PLAYER), hunt.finishCurrency(), hunt.finishAmount()) ? 1 : 0;
            }
        }
        return paid;
    }

    /** One reward through the ledger, marked paid (with its timeline entry) in the posting's own transaction. */
    private boolean pay(String huntId, String treasureId, String player, String currency, long amount) {
        String what = treasureId == null ? "finish" : "treasure:" + treasureId;
        TransferRequest reward = new TransferRequest(SPONSOR, AccountId.player(UUID.fromString(player)), currency, amount, "hunt-reward",
                Map.of("hunt", huntId, "reward", what));
        SqlEffect mark = (tx, posted) -> {
            var table = treasureId == null ? FINISHERS : FINDS;
            var where = treasureId == null ? F_HUNT.eq(huntId).and(F_PLAYER.eq(player))
                    : F_HUNT.eq(huntId).and(F_TREASURE.eq(treasureId)).and(F_PLAYER.eq(player));
            tx.update(HUNTS).set(H_ID, H_ID).where(H_ID.eq(huntId)).execute(); // the timeline's order, as for finds
            if (tx.update(table).set(F_REWARDED, 1).where(where, F_REWARDED.eq(0)).execute() == 1) {
                append(tx, huntId, "rewarded", UUID.fromString(player), treasureId, null,
                        "{\"currency\":\"" + currency + "\",\"amount\":" + amount + "}");
            }
        };
        try {
            return !ledger.post("hunt:" + huntId + ":" + what + ":" + player, List.of(reward), mark).replayed();
        } catch (RuntimeException e) {
            LOG.warn("reward {} of hunt {} for {} not paid yet: {}", what, huntId, player, e.toString());
            return false;
        }
    }

    /** Players by treasures found, then by who got there first. */
    public List<Standing> leaderboard(String huntId, int limit) {
        hunt(huntId);
        Set<String> finished = new HashSet<>(database.dsl().select(F_PLAYER).from(FINISHERS).where(F_HUNT.eq(huntId)).fetch(F_PLAYER));
        var found = count().as("found");
        var last = max(F_AT).as("last");
        List<Standing> out = new ArrayList<>();
        database.dsl().select(F_PLAYER, found, last).from(FINDS).where(F_HUNT.eq(huntId)).groupBy(F_PLAYER)
                .orderBy(found.desc(), last.asc(), F_PLAYER).limit(limit)
                .forEach(r -> out.add(new Standing(out.size() + 1, r.get(F_PLAYER), r.get(found), Instant.ofEpochMilli(r.get(last)),
                        finished.contains(r.get(F_PLAYER)))));
        return out;
    }

    public List<HuntEvent> timeline(String huntId) {
        hunt(huntId);
        return events(database.dsl(), huntId);
    }

    private static List<HuntEvent> events(DSLContext tx, String huntId) {
        return tx.selectFrom(EVENTS).where(E_HUNT.eq(huntId)).orderBy(E_SEQ).fetch(r -> new HuntEvent(r.get(E_SEQ), UUID.fromString(r.get(E_ID)),
                Instant.ofEpochMilli(r.get(E_AT)), r.get(E_KIND), r.get(E_PLAYER) == null ? null : UUID.fromString(r.get(E_PLAYER)),
                r.get(E_TREASURE), r.get(E_RANK), r.get(E_DETAIL)));
    }

    /** The hunt's state as its projection tables hold it. */
    public HuntState state(String huntId) {
        Hunt hunt = hunt(huntId);
        DSLContext dsl = database.dsl();
        Map<String, List<String>> finders = new LinkedHashMap<>();
        for (Treasure t : hunt.treasures()) {
            List<String> players = dsl.select(F_PLAYER).from(FINDS).where(F_HUNT.eq(huntId), F_TREASURE.eq(t.id())).orderBy(F_RANK).fetch(F_PLAYER);
            if (!players.isEmpty()) {
                finders.put(t.id(), players);
            }
        }
        List<String> finishers = dsl.select(F_PLAYER).from(FINISHERS).where(F_HUNT.eq(huntId)).orderBy(F_RANK).fetch(F_PLAYER);
        Set<String> rewarded = new HashSet<>();
        dsl.select(F_TREASURE, F_PLAYER).from(FINDS).where(F_HUNT.eq(huntId), F_REWARDED.eq(1))
                .forEach(r -> rewarded.add("treasure:" + r.value1() + ":" + r.value2()));
        dsl.select(F_PLAYER).from(FINISHERS).where(F_HUNT.eq(huntId), F_REWARDED.eq(1)).forEach(r -> rewarded.add("finish:" + r.value1()));
        return new HuntState(finders, finishers, rewarded);
    }

    /** Rebuilds the projection from the timeline alone (after a restore, or to prove it), and returns the state. */
    public HuntState rebuild(String huntId) {
        return database.inTransaction(tx -> {
            if (tx.update(HUNTS).set(H_ID, H_ID).where(H_ID.eq(huntId)).execute() == 0) {
                throw new NotFoundException("no hunt " + huntId);
            }
            List<HuntEvent> events = events(tx, huntId);
            HuntState state = HuntState.replay(events);
            tx.deleteFrom(FINDS).where(F_HUNT.eq(huntId)).execute();
            tx.deleteFrom(FINISHERS).where(F_HUNT.eq(huntId)).execute();
            for (HuntEvent e : events) {
                if (e.kind().equals("found")) {
                    tx.insertInto(FINDS, F_HUNT, F_TREASURE, F_PLAYER, F_RANK, F_AT, F_REWARDED).values(huntId, e.treasure(), e.player().toString(),
                            e.rank(), e.at().toEpochMilli(), state.rewarded().contains("treasure:" + e.treasure() + ":" + e.player()) ? 1 : 0).execute();
                } else if (e.kind().equals("finished")) {
                    tx.insertInto(FINISHERS, F_HUNT, F_PLAYER, F_RANK, F_AT, F_REWARDED).values(huntId, e.player().toString(), e.rank(),
                            e.at().toEpochMilli(), state.rewarded().contains("finish:" + e.player()) ? 1 : 0).execute();
                }
            }
            return state;
        });
    }

    private void append(DSLContext tx, String huntId, String kind, UUID player, String treasure, Integer rank, String detail) {
        int seq = tx.select(coalesce(max(E_SEQ), 0)).from(EVENTS).where(E_HUNT.eq(huntId)).fetchOne(0, Integer.class) + 1;
        tx.insertInto(EVENTS, E_HUNT, E_SEQ, E_ID, E_AT, E_KIND, E_PLAYER, E_TREASURE, E_RANK, E_DETAIL)
                .values(huntId, seq, UuidV7.next().toString(), clock.millis(), kind, player == null ? null : player.toString(), treasure, rank,
                        detail).execute();
    }

    private void announce(DSLContext tx, String type, String huntId, Map<String, Object> payload) {
        try {
            Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), type, huntId, clock.instant(), "progression",
                    JSON.writeValueAsString(payload))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hunt event failed to serialise", e);
        }
    }

    private static String json(Hunt hunt) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", hunt.id());
        definition.put("name", hunt.name());
        definition.put("startsAt", hunt.startsAt().toString());
        definition.put("endsAt", hunt.endsAt().toString());
        definition.put("ordered", hunt.ordered());
        definition.put("treasures", hunt.treasures().stream().map(t -> Map.of("id", t.id(), "winners", t.winners())).toList());
        try {
            String text = JSON.writeValueAsString(definition);
            return text.length() <= 2_000 ? text : "{\"id\":\"" + hunt.id() + "\",\"treasures\":" + hunt.treasures().size() + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hunt failed to serialise", e);
        }
    }
}
