package dev.veltrix.storage.outbox;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.ReusedStatements;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.WrittenEventTypes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The transactional outbox. Capabilities call {@link #append} with the transaction that makes their
 * change, so an event exists exactly when its change does; readers page through it by {@code seq}.
 */
public final class Outbox {
    public static final int READ_LIMIT_MAX = 1_000;

    static final Table<Record> EVENTS = table(name("outbox_events"));
    static final Field<Long> SEQ = field(name("seq"), Long.class);
    static final Field<String> EVENT_ID = field(name("event_id"), String.class);
    static final Field<String> TYPE = field(name("type"), String.class);
    static final Field<String> KEY = field(name("event_key"), String.class);
    static final Field<Long> OCCURRED_AT = field(name("occurred_at"), Long.class);
    static final Field<String> SOURCE = field(name("source"), String.class);
    static final Field<String> PAYLOAD = field(name("payload"), String.class);

    // Unquoted lower-case names read the same on SQLite, PostgreSQL and MariaDB.
    private static final String SCAN_AFTER = "select seq, event_id, type, event_key, occurred_at, source, payload"
            + " from outbox_events where seq > ? and seq <= ? order by seq limit ?";

    private static final Table<Record> CURSORS = table(name("outbox_cursors"));
    private static final Field<String> CONSUMER = field(name("consumer"), String.class);
    private static final Field<Long> CURSOR_SEQ = field(name("seq"), Long.class);

    private Outbox() {
    }

    /** Appends events inside the caller's transaction. */
    public static void append(DSLContext tx, List<EventEnvelope> events) {
        RowInserter rows = new RowInserter(EVENTS, List.of(EVENT_ID, TYPE, KEY, OCCURRED_AT, SOURCE, PAYLOAD));
        for (EventEnvelope e : events) {
            rows.add(e.id().toString(), e.type(), e.key(), e.occurredAt().toEpochMilli(), e.source(), e.payload());
            WrittenEventTypes.note(e.type());
        }
        rows.execute(tx);
    }

    /** Events with {@code seq > afterSeq}, oldest first, at most {@code limit} of them. */
    public static List<StoredEvent> readAfter(DSLContext dsl, long afterSeq, int limit) {
        List<StoredEvent> events = new java.util.ArrayList<>();
        scanAfter(dsl, afterSeq, limit, type -> true, (seq, event) -> events.add(new StoredEvent(seq, event)));
        return events;
    }

    /** Told of each outbox row in seq order; {@code event} is null for a row of a type not asked for. */
    @FunctionalInterface
    public interface RowVisitor {
        /** Returns false to stop the scan before the next row. */
        boolean visit(long seq, EventEnvelope event);
    }

    /**
     * Visits the rows with {@code seq > afterSeq} in order, at most {@code limit}; only rows whose type {@code wanted}
     * accepts are read whole, the others give their seq alone. Only events already on disk are visited
     * ({@link Database#readableOutboxSeq}). The statement is fixed text over plain JDBC: every reader of the outbox runs
     * it after each commit, and rendering it through jOOQ each time cost more than reading.
     */
    public static void scanAfter(DSLContext dsl, long afterSeq, int limit, java.util.function.Predicate<String> wanted,
                                 RowVisitor visitor) {
        if (limit < 1 || limit > READ_LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + READ_LIMIT_MAX + ", got " + limit);
        }
        dsl.connection(connection -> ReusedStatements.with(dsl, connection, SCAN_AFTER, statement -> {
            statement.setLong(1, afterSeq);
            statement.setLong(2, Database.readableOutboxSeq(dsl));
            statement.setInt(3, limit);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    String type = rows.getString(3);
                    EventEnvelope event = wanted.test(type) ? new EventEnvelope(UUID.fromString(rows.getString(2)), type,
                            rows.getString(4), Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6), rows.getString(7)) : null;
                    if (!visitor.visit(seq, event)) {
                        break;
                    }
                }
            }
            return null;
        }));
    }

    /**
     * Events of the given types with {@code afterSeq < seq <= upToSeq}, oldest first: a reader catching up
     * below a position another reader has already passed gap-safely, so no gap check is needed here.
     */
    public static List<StoredEvent> readBetween(DSLContext dsl, long afterSeq, long upToSeq, java.util.Collection<String> types, int limit) {
        if (limit < 1 || limit > READ_LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + READ_LIMIT_MAX + ", got " + limit);
        }
        return dsl.select(SEQ, EVENT_ID, TYPE, KEY, OCCURRED_AT, SOURCE, PAYLOAD)
                .from(EVENTS)
                .where(SEQ.gt(afterSeq), SEQ.le(upToSeq), TYPE.in(types))
                .orderBy(SEQ)
                .limit(limit)
                .fetch(Outbox::stored);
    }

    /** The highest seq written so far, or 0 for an empty outbox. */
    public static long lastSeq(DSLContext dsl) {
        Long seq = dsl.select(org.jooq.impl.DSL.max(SEQ)).from(EVENTS).fetchOne(0, Long.class);
        return seq == null ? 0 : seq;
    }

    private static StoredEvent stored(Record r) {
        return new StoredEvent(r.get(SEQ), new EventEnvelope(UUID.fromString(r.get(EVENT_ID)), r.get(TYPE), r.get(KEY),
                Instant.ofEpochMilli(r.get(OCCURRED_AT)), r.get(SOURCE), r.get(PAYLOAD)));
    }

    /** The position a durable reader has acknowledged, or 0 when it has none yet. */
    public static long cursor(DSLContext dsl, String consumer) {
        Long seq = dsl.select(CURSOR_SEQ).from(CURSORS).where(CONSUMER.eq(consumer)).fetchOne(CURSOR_SEQ);
        return seq == null ? 0 : seq;
    }

    /** The positions of the durable readers whose names start with {@code prefix}, by name (absent: none yet). */
    public static java.util.Map<String, Long> cursors(DSLContext dsl, String prefix) {
        return cursors(dsl, prefix, false);
    }

    /**
     * As {@link #cursors(DSLContext, String)}; with {@code lock}, the newest committed positions, held until the caller's
     * transaction ends so no one moves them meanwhile (SQLite needs no lock: its one writer already excludes the others).
     */
    public static java.util.Map<String, Long> cursors(DSLContext tx, String prefix, boolean lock) {
        java.util.Map<String, Long> positions = new java.util.HashMap<>();
        var select = tx.select(CONSUMER, CURSOR_SEQ).from(CURSORS).where(CONSUMER.startsWith(prefix));
        (lock && tx.dialect().family() != org.jooq.SQLDialect.SQLITE ? select.forUpdate() : select)
                .forEach(r -> positions.put(r.value1(), r.value2()));
        return positions;
    }

    /**
     * Moves a durable reader's position forward; never backwards, so a late ack cannot rewind it. Fixed text per
     * dialect over plain JDBC, like {@link #scanAfter}: every follower runs it after every batch.
     */
    public static void saveCursor(DSLContext dsl, String consumer, long seq) {
        String upsert = switch (dsl.dialect().family()) {
            case SQLITE -> "insert into outbox_cursors (consumer, seq) values (?, ?)"
                    + " on conflict (consumer) do update set seq = max(outbox_cursors.seq, ?)";
            case POSTGRES -> "insert into outbox_cursors (consumer, seq) values (?, ?)"
                    + " on conflict (consumer) do update set seq = greatest(outbox_cursors.seq, ?)";
            default -> "insert into outbox_cursors (consumer, seq) values (?, ?)"
                    + " on duplicate key update seq = greatest(seq, ?)";
        };
        dsl.connection(connection -> ReusedStatements.with(dsl, connection, upsert, statement -> {
            statement.setString(1, consumer);
            statement.setLong(2, seq);
            statement.setLong(3, seq);
            return statement.executeUpdate();
        }));
    }

    /**
     * Moves a reader's position from {@code from} to {@code to} only if it is still at {@code from} (a reader with no
     * position yet is at 0); returns whether it moved. Two nodes racing to move the same position: one moves it, the
     * other waits on the row and then finds it moved, so work claimed by the move is done once.
     */
    public static boolean moveCursor(DSLContext dsl, String consumer, long from, long to) {
        if (dsl.update(CURSORS).set(CURSOR_SEQ, to).where(CONSUMER.eq(consumer), CURSOR_SEQ.eq(from)).execute() == 1) {
            return true;
        }
        // No row yet: the first move inserts it; a racing first move fails on the key and rolls its transaction back.
        return from == 0 && !dsl.fetchExists(CURSORS, CONSUMER.eq(consumer))
                && dsl.insertInto(CURSORS, CONSUMER, CURSOR_SEQ).values(consumer, to).execute() == 1;
    }
}
