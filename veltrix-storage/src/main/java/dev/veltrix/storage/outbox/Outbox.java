package dev.veltrix.storage.outbox;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.storage.RowInserter;
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

    private static final Table<Record> CURSORS = table(name("outbox_cursors"));
    private static final Field<String> CONSUMER = field(name("consumer"), String.class);
    private static final Field<Long> CURSOR_SEQ = field(name("seq"), Long.class);
    // Qualified, because inside an upsert a bare "seq" could mean the existing or the proposed row.
    private static final Field<Long> CURSOR_SEQ_EXISTING = field(name("outbox_cursors", "seq"), Long.class);

    private Outbox() {
    }

    /** Appends events inside the caller's transaction. */
    public static void append(DSLContext tx, List<EventEnvelope> events) {
        RowInserter rows = new RowInserter(EVENTS, List.of(EVENT_ID, TYPE, KEY, OCCURRED_AT, SOURCE, PAYLOAD));
        for (EventEnvelope e : events) {
            rows.add(e.id().toString(), e.type(), e.key(), e.occurredAt().toEpochMilli(), e.source(), e.payload());
        }
        rows.execute(tx);
    }

    /** Events with {@code seq > afterSeq}, oldest first, at most {@code limit} of them. */
    public static List<StoredEvent> readAfter(DSLContext dsl, long afterSeq, int limit) {
        if (limit < 1 || limit > READ_LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + READ_LIMIT_MAX + ", got " + limit);
        }
        return dsl.select(SEQ, EVENT_ID, TYPE, KEY, OCCURRED_AT, SOURCE, PAYLOAD)
                .from(EVENTS)
                .where(SEQ.gt(afterSeq))
                .orderBy(SEQ)
                .limit(limit)
                .fetch(Outbox::stored);
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

    /** Moves a durable reader's position forward; never backwards, so a late ack cannot rewind it. */
    public static void saveCursor(DSLContext dsl, String consumer, long seq) {
        dsl.insertInto(CURSORS, CONSUMER, CURSOR_SEQ).values(consumer, seq)
                .onConflict(CONSUMER).doUpdate()
                .set(CURSOR_SEQ, org.jooq.impl.DSL.greatest(CURSOR_SEQ_EXISTING, org.jooq.impl.DSL.val(seq)))
                .execute();
    }
}
