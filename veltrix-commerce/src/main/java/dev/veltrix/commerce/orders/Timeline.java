package dev.veltrix.commerce.orders;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** Writes and reads orders' timelines, always inside the transaction of the change it records. */
public final class Timeline {
    private static final Table<Record> EVENTS = table(name("commerce_order_events"));
    private static final Field<String> ORDER = field(name("order_id"), String.class);
    private static final Field<Integer> SEQ = field(name("seq"), Integer.class);
    private static final Field<Long> AT = field(name("at"), Long.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<String> DETAIL = field(name("detail"), String.class);
    private static final Table<Record> ORDERS = table(name("commerce_orders"));
    private static final Field<String> ORDER_ID = field(name("id"), String.class);

    private Timeline() {
    }

    public static void append(DSLContext tx, UUID order, Instant at, String kind, String detail) {
        // The order's row lock (a no-op update takes it) serialises entries of one order across transactions.
        tx.update(ORDERS).set(ORDER_ID, ORDER_ID).where(ORDER_ID.eq(order.toString())).execute();
        int seq = tx.select(coalesce(max(SEQ), 0)).from(EVENTS).where(ORDER.eq(order.toString())).fetchOne(0, Integer.class) + 1;
        String text = detail.length() > 1_000 ? detail.substring(0, 997) + "..." : detail;
        tx.insertInto(EVENTS, ORDER, SEQ, AT, KIND, DETAIL).values(order.toString(), seq, at.toEpochMilli(), kind, text).execute();
    }

    public static List<TimelineEntry> of(DSLContext dsl, UUID order) {
        return dsl.selectFrom(EVENTS).where(ORDER.eq(order.toString())).orderBy(SEQ)
                .fetch(r -> new TimelineEntry(Instant.ofEpochMilli(r.get(AT)), r.get(KIND), r.get(DETAIL)));
    }
}
