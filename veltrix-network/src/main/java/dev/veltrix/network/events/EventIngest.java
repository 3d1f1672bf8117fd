package dev.veltrix.network.events;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.network.NetworkService;
import dev.veltrix.network.events.IngestResult.Rejection;
import dev.veltrix.storage.Database;
import dev.veltrix.core.concurrent.GroupCommitter;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Takes in batches of game events. Each event is checked on its own, so one bad event is rejected
 * with its reason while the rest of the batch goes in. Accepted events are remembered by id and
 * written to the outbox in the same transaction, so a batch sent again (after a timeout, say) adds
 * nothing twice, and consumers such as the battle pass see each event once as {@code game.<type>}.
 */
public final class EventIngest implements AutoCloseable {
    public static final int BATCH_MAX = 1_000;
    public static final int DATA_CHARS_MAX = 8_192;
    /** How far ahead of Veltrix's clock a game server's clock may run. */
    public static final Duration FUTURE_SKEW_MAX = Duration.ofMinutes(5);
    private static final int TYPE_LENGTH_MAX = EventEnvelope.TYPE_LENGTH_MAX - GameEvent.TYPE_PREFIX.length();
    private static final Set<String> FIELDS = Set.of("id", "type", "player", "occurredAt", "data");

    private static final Table<Record> EVENTS = table(name("network_events"));
    private static final Field<String> E_ID = field(name("id"), String.class);
    private static final Field<String> E_SERVER = field(name("server"), String.class);
    private static final Field<Long> E_RECEIVED = field(name("received_at"), Long.class);

    private static final int GROUP_BATCHES_MAX = 64;
    private static final int QUEUE_BATCHES_MAX = 2_048;
    private static final long WAIT_SECONDS_MAX = 30;

    private final Database database;
    private final NetworkService network;
    private final Clock clock;
    private final ObjectMapper json;
    // Batches arriving together are written in one transaction: with many game servers sending at once,
    // a commit's fixed cost (an fsync on SQLite) is shared by all of them.
    private final GroupCommitter<Accepted, Integer> writer;

    /** The valid, distinct events of one batch, waiting for their group's transaction. */
    private record Accepted(String server, List<GameEvent> events, Instant receivedAt) {
    }

    /**
     * @param taken told how many new events each group commit took in (for the operator's metrics)
     */
    public EventIngest(Database database, NetworkService network, Clock clock, ObjectMapper json, java.util.function.IntConsumer taken) {
        this.database = database;
        this.network = network;
        this.clock = clock;
        this.json = json;
        this.writer = new GroupCommitter<>("event ingest", GROUP_BATCHES_MAX, QUEUE_BATCHES_MAX, this::storeGroup,
                (batches, accepted, nanos) -> taken.accept(accepted.stream().mapToInt(Integer::intValue).sum()));
    }

    /**
     * Takes in one batch from a registered server.
     *
     * @param events the JSON array of events as sent
     * @throws InvalidInputException when the batch as a whole is unusable (not an array, empty, too large)
     */
    public IngestResult ingest(String server, JsonNode events) {
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw InvalidInputException.of("events", "a JSON array of 1.." + BATCH_MAX + " events");
        }
        if (events.size() > BATCH_MAX) {
            throw InvalidInputException.of("events", "at most " + BATCH_MAX + " events per batch, got " + events.size()
                    + "; split it into several requests");
        }
        network.server(server); // an unknown server is a 404 naming it
        Instant now = clock.instant();
        List<Rejection> rejected = new ArrayList<>();
        Map<UUID, GameEvent> valid = new LinkedHashMap<>();
        int repeatsInBatch = 0;
        for (int i = 0; i < events.size(); i++) {
            JsonNode raw = events.get(i);
            try {
                GameEvent event = parse(raw, now);
                if (valid.putIfAbsent(event.id(), event) != null) {
                    repeatsInBatch++;
                }
            } catch (InvalidInputException e) {
                var error = e.errors().getFirst();
                rejected.add(new Rejection(i, raw.path("id").isTextual() ? raw.get("id").asText() : null,
                        error.field(), error.message()));
            }
        }
        int accepted = valid.isEmpty() ? 0 : await(writer.submit(new Accepted(server, List.copyOf(valid.values()), now)));
        return new IngestResult(accepted, repeatsInBatch + valid.size() - accepted, rejected);
    }

    private static int await(java.util.concurrent.CompletableFuture<Integer> stored) {
        try {
            return stored.get(WAIT_SECONDS_MAX, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // Still queued: it may yet be stored, and sending the batch again is safe (ids are remembered).
            throw new dev.veltrix.core.error.OverloadedException("event ingest is behind; send the batch again", 1);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing events", e);
        }
    }

    /** Stores a group of batches in one transaction; returns how many events of each batch were new. */
    private List<Integer> storeGroup(List<Accepted> batches) {
        return database.inTransaction(tx -> {
            // The first batch to carry an id takes it; a later one (or a stored one) is a repeat.
            Map<String, String> serverById = new LinkedHashMap<>();
            for (Accepted batch : batches) {
                batch.events().forEach(e -> serverById.putIfAbsent(e.id().toString(), batch.server()));
            }
            Set<String> fresh = insertNew(tx, serverById, batches.getFirst().receivedAt().toEpochMilli());
            List<Integer> accepted = new ArrayList<>(batches.size());
            List<EventEnvelope> out = new ArrayList<>(fresh.size());
            for (Accepted batch : batches) {
                int taken = 0;
                for (GameEvent event : batch.events()) {
                    if (fresh.remove(event.id().toString())) {
                        out.add(envelope(batch.server(), event));
                        taken++;
                    }
                }
                accepted.add(taken);
            }
            Outbox.append(tx, out);
            return accepted;
        });
    }

    /** Inserts the ids not seen before and returns exactly those. */
    private Set<String> insertNew(DSLContext tx, Map<String, String> serverById, long receivedAt) {
        List<String> all = List.copyOf(serverById.keySet());
        if (database.kind() == SqlKind.SQLITE) {
            // Transactions begin IMMEDIATE, holding the only write lock: no other writer can add one of
            // these ids between this read and the insert below.
            Set<String> fresh = new LinkedHashSet<>(all);
            for (int from = 0; from < all.size(); from += BATCH_MAX) {
                fresh.removeAll(tx.select(E_ID).from(EVENTS).where(E_ID.in(all.subList(from, Math.min(all.size(), from + BATCH_MAX))))
                        .fetch(E_ID));
            }
            RowInserter rows = new RowInserter(EVENTS, List.of(E_ID, E_SERVER, E_RECEIVED));
            fresh.forEach(id -> rows.add(id, serverById.get(id), receivedAt));
            rows.execute(tx);
            return fresh;
        }
        // Concurrent writers: let the unique key decide, and learn from RETURNING which rows this statement added.
        Set<String> fresh = new HashSet<>();
        for (int from = 0; from < all.size(); from += BATCH_MAX) {
            InsertValuesStep3<Record, String, String, Long> insert = tx.insertInto(EVENTS, E_ID, E_SERVER, E_RECEIVED);
            for (String id : all.subList(from, Math.min(all.size(), from + BATCH_MAX))) {
                insert = insert.values(id, serverById.get(id), receivedAt);
            }
            fresh.addAll(insert.onConflictDoNothing().returningResult(E_ID).fetch(E_ID));
        }
        return fresh;
    }

    private EventEnvelope envelope(String server, GameEvent event) {
        ObjectNode payload = json.createObjectNode();
        payload.put("server", server);
        payload.put("player", event.player() == null ? null : event.player().toString());
        payload.set("data", readData(event.data()));
        return new EventEnvelope(event.id(), GameEvent.TYPE_PREFIX + event.type(),
                event.player() == null ? server : event.player().toString(), event.occurredAt(), "game", payload.toString());
    }

    private JsonNode readData(String data) {
        try {
            return json.readTree(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("event data was checked as JSON before", e);
        }
    }

    /** Checks one event; the first problem found is the one reported. */
    private GameEvent parse(JsonNode raw, Instant now) {
        if (!raw.isObject()) {
            throw InvalidInputException.of("event", "each event must be a JSON object with id, type and optional player, occurredAt, data");
        }
        for (Iterator<String> names = raw.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw InvalidInputException.of(field, "unknown field; an event has " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        UUID id = uuid(raw, "id", true);
        String type = raw.path("type").isTextual() ? raw.get("type").asText() : null;
        if (type == null || type.length() > TYPE_LENGTH_MAX || !EventEnvelope.isType(type)) {
            throw InvalidInputException.of("type", "subject.past_tense in lower case, at most " + TYPE_LENGTH_MAX
                    + " characters (e.g. mob.killed), got " + raw.path("type"));
        }
        UUID player = uuid(raw, "player", false);
        Instant occurredAt = now;
        if (raw.hasNonNull("occurredAt")) {
            try {
                occurredAt = Instant.parse(raw.get("occurredAt").asText());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("occurredAt", "an ISO-8601 instant such as 2026-11-25T10:15:30Z, got "
                        + raw.get("occurredAt"));
            }
            if (occurredAt.isAfter(now.plus(FUTURE_SKEW_MAX))) {
                throw InvalidInputException.of("occurredAt", "is more than " + FUTURE_SKEW_MAX.toMinutes()
                        + " minutes ahead of Veltrix's clock (" + now + "); check the game server's clock");
            }
        }
        String data = "{}";
        if (raw.hasNonNull("data")) {
            if (!raw.get("data").isObject()) {
                throw InvalidInputException.of("data", "a JSON object with the event's details");
            }
            data = raw.get("data").toString();
            if (data.length() > DATA_CHARS_MAX) {
                throw InvalidInputException.of("data", "at most " + DATA_CHARS_MAX + " characters as JSON, got " + data.length());
            }
        }
        return new GameEvent(id, type, player, occurredAt, data);
    }

    private static UUID uuid(JsonNode raw, String field, boolean required) {
        JsonNode node = raw.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw InvalidInputException.of(field, "required: a UUID (the game server makes one per event)");
            }
            return null;
        }
        try {
            if (node.asText().length() != 36) {
                throw new IllegalArgumentException("not in the 8-4-4-4-12 form");
            }
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "a UUID such as 0192f0c4-1b2a-7c3d-8e4f-5a6b7c8d9e0f, got " + node);
        }
    }

    /** Stores what is queued, then stops taking batches. */
    @Override
    public void close() {
        writer.close();
    }

    /** Forgets the ids of events taken in before {@code cutoff}; the outbox has let go of them too. */
    public int prune(Instant cutoff) {
        return database.inTransaction(tx -> tx.deleteFrom(EVENTS).where(E_RECEIVED.lt(cutoff.toEpochMilli())).execute());
    }
}
