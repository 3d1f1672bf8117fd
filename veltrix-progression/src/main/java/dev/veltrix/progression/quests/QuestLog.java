package dev.veltrix.progression.quests;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.progression.rewards.GameDeliveries;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.StoredEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Players' quests: each board made once per player and period from the live content, progress from game events
 * (each counted once, in the transaction that moves the feed's cursor), and on completion the rewards, each under its
 * own key: game currency through the ledger from {@code system:quests}, items and commands through the delivery queue.
 */
public final class QuestLog {
    public static final AccountId SPONSOR = new AccountId("system:quests");
    static final Table<Record> ASSIGNMENTS = table(name("quest_assignments"));
    static final Field<String> A_ID = field(name("id"), String.class);
    static final Field<String> A_PLAYER = field(name("player"), String.class);
    static final Field<String> A_BOARD = field(name("board"), String.class);
    static final Field<Integer> A_PERIOD = field(name("period"), Integer.class);
    static final Field<Long> A_ENDS = field(name("ends_at"), Long.class);
    static final Field<Integer> A_VERSION = field(name("version"), Integer.class);
    static final Field<String> A_QUEST = field(name("quest"), String.class);
    static final Field<String> A_STATE = field(name("state"), String.class);
    static final Field<String> A_DEFINITION = field(name("definition"), String.class);
    static final Field<String> A_PROGRESS = field(name("progress"), String.class);
    static final Field<Long> A_APPLIED = field(name("applied_seq"), Long.class);
    static final Field<Long> A_ASSIGNED = field(name("assigned_at"), Long.class);
    static final Field<Long> A_COMPLETED = field(name("completed_at"), Long.class);
    static final Field<Long> A_REWARDED = field(name("rewarded_at"), Long.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ObjectiveKind> BY_EVENT = Arrays.stream(ObjectiveKind.values())
            .collect(Collectors.toMap(k -> "game." + k.event(), k -> k));

    private final Database database;
    private final Clock clock;
    private final QuestLibrary library;
    private final LedgerService ledger;
    private final GameDeliveries deliveries;
    private final Map<Integer, QuestGenerator> generators = new ConcurrentHashMap<>();

    public QuestLog(Database database, Clock clock, QuestLibrary library, LedgerService ledger, GameDeliveries deliveries) {
        this.database = database;
        this.clock = clock;
        this.library = library;
        this.ledger = ledger;
        this.deliveries = deliveries;
    }

    /**
     * The player's board for the period today falls in (UTC), made the first time it is asked for from the live
     * content, the player's level and region, and their history; asked again, the same board with its progress.
     */
    public List<Assignment> board(UUID player, int level, String region, QuestGenerator.Board board) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate period = board.period(today);
        List<Assignment> made = ofBoard(player, board, period);
        if (!made.isEmpty()) {
            return made;
        }
        int version = library.publishedVersion().orElseThrow(() ->
                new RejectedException("no-quest-content", "no quest content is published yet; publish a draft first"));
        List<GeneratedQuest> quests = generator(version).board(context(player, level, region), board, today);
        Instant endsAt = period.plusDays(board == QuestGenerator.Board.DAILY ? 1 : 7).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            database.inTransaction(tx -> {
                for (GeneratedQuest q : quests) {
                    tx.insertInto(ASSIGNMENTS, A_ID, A_PLAYER, A_BOARD, A_PERIOD, A_ENDS, A_VERSION, A_QUEST, A_STATE, A_DEFINITION, A_PROGRESS,
                            A_APPLIED, A_ASSIGNED).values(UuidV7.next().toString(), player.toString(), board.label(), (int) period.toEpochDay(),
                            endsAt.toEpochMilli(), version, q.quest(), Assignment.ACTIVE, json(q),
                            q.goals().stream().map(g -> "0").collect(Collectors.joining(",")), 0L, clock.millis()).execute();
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!database.kind().isDuplicateKey(e)) {
                throw e;
            }
            // Made meanwhile by another request: that board stands.
        }
        return ofBoard(player, board, period);
    }

    /** What the generator knows of a player: level and region as given, completions and active quests as kept. */
    public PlayerContext context(UUID player, int level, String region) {
        Map<String, LocalDate> completed = new HashMap<>();
        database.dsl().select(A_QUEST, max(A_COMPLETED)).from(ASSIGNMENTS).where(A_PLAYER.eq(player.toString()), A_STATE.eq(Assignment.COMPLETED))
                .groupBy(A_QUEST).forEach(r -> completed.put(r.value1(), LocalDate.ofInstant(Instant.ofEpochMilli(r.value2()), ZoneOffset.UTC)));
        Set<String> active = new HashSet<>(database.dsl().select(A_QUEST).from(ASSIGNMENTS)
                .where(A_PLAYER.eq(player.toString()), A_STATE.eq(Assignment.ACTIVE), A_ENDS.gt(clock.millis())).fetch(A_QUEST));
        return new PlayerContext(player, level, region, completed, active);
    }

    /** The generator of a content version (built once per version). */
    public QuestGenerator generator(int version) {
        return generators.computeIfAbsent(version, v -> new QuestGenerator(v, library.content(v)));
    }

    /** The player's quests, the newest first, with their progress; those whose period ended show as expired. */
    public List<Assignment> log(UUID player, int limit) {
        return database.dsl().selectFrom(ASSIGNMENTS).where(A_PLAYER.eq(player.toString())).orderBy(A_ASSIGNED.desc(), A_ID.desc()).limit(limit)
                .fetch(this::read);
    }

    public Assignment assignment(String id) {
        return database.dsl().selectFrom(ASSIGNMENTS).where(A_ID.eq(id)).fetchOptional(this::read)
                .orElseThrow(() -> new NotFoundException("no quest assignment " + id));
    }

    private List<Assignment> ofBoard(UUID player, QuestGenerator.Board board, LocalDate period) {
        return database.dsl().selectFrom(ASSIGNMENTS).where(A_PLAYER.eq(player.toString()), A_BOARD.eq(board.label()),
                A_PERIOD.eq((int) period.toEpochDay())).orderBy(A_ID).fetch(this::read);
    }

    /** Whether events of this type can advance a quest objective. */
    static boolean advancesQuests(String eventType) {
        return BY_EVENT.containsKey(eventType);
    }

    /**
     * Applies game events to the active quests of their players inside {@code tx}: an objective advances when the
     * event names its target (and, for a delivery, its NPC), happened after the quest was given and before its period
     * ended; by the event's {@code data.count} (1 when absent). An event at or before a quest's last applied outbox
     * position is skipped, so reading a batch again counts nothing twice. Returns the quests this completed.
     */
    List<String> apply(DSLContext tx, List<StoredEvent> batch) {
        List<StoredEvent> events = new ArrayList<>();
        Set<String> players = new HashSet<>();
        for (StoredEvent stored : batch) {
            if (advancesQuests(stored.event().type())) {
                events.add(stored);
                players.add(stored.event().key());
            }
        }
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, List<Record>> active = new LinkedHashMap<>();
        tx.selectFrom(ASSIGNMENTS).where(A_PLAYER.in(players), A_STATE.eq(Assignment.ACTIVE)).orderBy(A_ASSIGNED, A_ID)
                .forEach(r -> active.computeIfAbsent(r.get(A_PLAYER), k -> new ArrayList<>()).add(r));
        Map<String, int[]> progress = new HashMap<>();
        Map<String, GeneratedQuest> quests = new HashMap<>();
        Map<String, Record> rows = new HashMap<>();
        for (StoredEvent stored : events) {
            EventEnvelope event = stored.event();
            JsonNode data = payload(event.payload()).path("data");
            ObjectiveKind kind = BY_EVENT.get(event.type());
            String target = data.path(kind.field()).asText(null);
            int amount = Math.max(1, Math.min(10_000, data.path("count").asInt(1)));
            long at = event.occurredAt().toEpochMilli();
            for (Record row : active.getOrDefault(event.key(), List.of())) {
                String id = row.get(A_ID);
                if (at < row.get(A_ASSIGNED) || at >= row.get(A_ENDS) || stored.seq() <= row.get(A_APPLIED)) {
                    continue;
                }
                GeneratedQuest quest = quests.computeIfAbsent(id, k -> read(row.get(A_DEFINITION)));
                int[] counts = progress.computeIfAbsent(id, k -> counts(row.get(A_PROGRESS)));
                rows.put(id, row);
                for (int g = 0; g < quest.goals().size(); g++) {
                    GeneratedQuest.Goal goal = quest.goals().get(g);
                    if (goal.kind() == kind && goal.target().equals(target) && counts[g] < goal.count()
                            && (goal.to() == null || goal.to().equals(data.path("npc").asText(null)))) {
                        counts[g] = Math.min(goal.count(), counts[g] + amount);
                    }
                }
            }
        }
        List<String> completed = new ArrayList<>();
        long now = clock.millis();
        long last = batch.getLast().seq();
        for (Map.Entry<String, int[]> e : progress.entrySet()) {
            GeneratedQuest quest = quests.get(e.getKey());
            int[] counts = e.getValue();
            boolean done = true;
            for (int g = 0; g < counts.length; g++) {
                done &= counts[g] >= quest.goals().get(g).count();
            }
            var update = tx.update(ASSIGNMENTS).set(A_PROGRESS, Arrays.stream(counts).mapToObj(Integer::toString).collect(Collectors.joining(",")))
                    .set(A_APPLIED, last);
            if (done) {
                update = update.set(A_STATE, Assignment.COMPLETED).set(A_COMPLETED, now);
                completed.add(e.getKey());
                Record row = rows.get(e.getKey());
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("player", row.get(A_PLAYER));
                payload.put("quest", quest.quest());
                payload.put("name", quest.name());
                payload.put("assignment", e.getKey());
                Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), "quest.completed", row.get(A_PLAYER), Instant.ofEpochMilli(now),
                        "progression", json(payload))));
            }
            update.where(A_ID.eq(e.getKey()), A_STATE.eq(Assignment.ACTIVE)).execute();
        }
        return completed;
    }

    /**
     * Gives a completed quest's rewards, each once under its key (a retry, or the sweep after a crash, gives nothing
     * twice), then marks the quest rewarded.
     */
    public void reward(String assignmentId) {
        Assignment a = assignment(assignmentId);
        if (!a.state().equals(Assignment.COMPLETED) || a.rewardedAt() != null) {
            return;
        }
        UUID player = UUID.fromString(a.player());
        boolean inGame = false;
        for (GeneratedQuest.Prize prize : a.quest().prizes()) {
            String key = "quest:" + a.id() + ":" + prize.reward();
            if (prize.currency() != null) {
                ledger.transfer(key, new TransferRequest(SPONSOR, AccountId.player(player), prize.currency(), prize.amount(), "quest-reward",
                        Map.of("quest", a.quest().quest(), "assignment", a.id())));
            } else {
                GameDeliveries.InGame what = prize.item() != null
                        ? new GameDeliveries.InGame(GameDeliveries.InGame.Kind.ITEM, "*", prize.item() + " " + prize.count())
                        : new GameDeliveries.InGame(GameDeliveries.InGame.Kind.COMMAND, "*", prize.command().replace("{uuid}", a.player()));
                database.inTransaction(tx -> {
                    deliveries.queue(tx, key, player, what);
                    return null;
                });
                inGame = true;
            }
        }
        database.inTransaction(tx -> tx.update(ASSIGNMENTS).set(A_REWARDED, clock.millis()).where(A_ID.eq(a.id()), A_REWARDED.isNull()).execute());
        if (inGame) {
            deliveries.sendPending(player);
        }
    }

    /** Rewards completed quests a crash left unrewarded, and marks quests whose period ended as expired. Returns how many rewarded. */
    public int sweep(int limit) {
        database.inTransaction(tx -> tx.update(ASSIGNMENTS).set(A_STATE, Assignment.EXPIRED)
                .where(A_STATE.eq(Assignment.ACTIVE), A_ENDS.le(clock.millis())).execute());
        List<String> due = database.dsl().select(A_ID).from(ASSIGNMENTS).where(A_STATE.eq(Assignment.COMPLETED), A_REWARDED.isNull())
                .limit(limit).fetch(A_ID);
        due.forEach(this::reward);
        return due.size();
    }

    private Assignment read(Record r) {
        String state = r.get(A_STATE);
        if (state.equals(Assignment.ACTIVE) && r.get(A_ENDS) <= clock.millis()) {
            state = Assignment.EXPIRED; // the sweep writes it down; a reader sees it at once
        }
        return new Assignment(r.get(A_ID), r.get(A_PLAYER), r.get(A_BOARD), LocalDate.ofEpochDay(r.get(A_PERIOD)).toString(),
                Instant.ofEpochMilli(r.get(A_ENDS)), state, read(r.get(A_DEFINITION)),
                Arrays.stream(counts(r.get(A_PROGRESS))).boxed().toList(), Instant.ofEpochMilli(r.get(A_ASSIGNED)),
                r.get(A_COMPLETED) == null ? null : Instant.ofEpochMilli(r.get(A_COMPLETED)),
                r.get(A_REWARDED) == null ? null : Instant.ofEpochMilli(r.get(A_REWARDED)));
    }

    private static int[] counts(String text) {
        return text.isEmpty() ? new int[0] : Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static GeneratedQuest read(String definition) {
        try {
            return JSON.readValue(definition, GeneratedQuest.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored quest is unreadable", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a quest failed to serialise", e);
        }
    }

    private static JsonNode payload(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode(); // not JSON: it names nothing
        }
    }
}
