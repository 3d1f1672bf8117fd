package dev.veltrix.commerce.fulfilment;

import static dev.veltrix.commerce.fulfilment.Fulfilment.DELIVERIES;
import static dev.veltrix.commerce.fulfilment.Fulfilment.KIND;
import static dev.veltrix.commerce.fulfilment.Fulfilment.ORDER;
import static dev.veltrix.commerce.fulfilment.Fulfilment.STATUS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;

import dev.veltrix.commerce.orders.OrderStatus;
import dev.veltrix.storage.invariant.Invariant;
import dev.veltrix.storage.invariant.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Every paid order is delivered or refunded: a settled order had its deliveries written when it settled, and none was
 * taken back unless it was refunded; a refunded order has nothing left waiting to be delivered; an order never paid has
 * nothing delivered. Lines, timeline entries, invoices and deliveries name orders that exist.
 */
public final class OrderInvariant implements Invariant {
    private static final Table<Record> ORDERS = table(name("commerce_orders"));
    private static final Field<String> O_ID = field(name("commerce_orders", "id"), String.class);
    private static final Field<String> O_STATUS = field(name("commerce_orders", "status"), String.class);
    private static final Table<Record> EVENTS = table(name("commerce_order_events"));
    private static final Field<String> E_ORDER = field(name("commerce_order_events", "order_id"), String.class);
    private static final Field<String> E_KIND = field(name("commerce_order_events", "kind"), String.class);
    private static final List<String> SETTLED = List.of(OrderStatus.PAID.name(), OrderStatus.REFUNDED.name());

    @Override
    public String area() {
        return "orders";
    }

    @Override
    public Map<String, Long> summary(DSLContext dsl) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("orders.open", (long) dsl.fetchCount(ORDERS, O_STATUS.in(OrderStatus.PENDING.name(), OrderStatus.REVIEW.name())));
        summary.put("orders.paid", (long) dsl.fetchCount(ORDERS, O_STATUS.eq(OrderStatus.PAID.name())));
        summary.put("orders.refunded", (long) dsl.fetchCount(ORDERS, O_STATUS.eq(OrderStatus.REFUNDED.name())));
        summary.put("orders.deliveries-pending", (long) dsl.fetchCount(DELIVERIES, STATUS.eq(Delivery.Status.PENDING.name())));
        return summary;
    }

    @Override
    public List<String> check(DSLContext dsl) {
        List<String> violations = new ArrayList<>();
        var ofOrder = ORDER.eq(O_ID);
        each(dsl, O_STATUS.in(SETTLED).and(notExists(selectOne().from(EVENTS).where(E_ORDER.eq(O_ID), E_KIND.eq("deliveries")))),
                "settled without its deliveries being written", violations);
        each(dsl, O_STATUS.notIn(SETTLED).and(exists(selectOne().from(DELIVERIES).where(ofOrder))),
                "never paid, yet it has deliveries", violations);
        each(dsl, O_STATUS.eq(OrderStatus.PAID.name()).and(exists(selectOne().from(DELIVERIES).where(ofOrder,
                STATUS.in(Delivery.Status.CANCELLED.name(), Delivery.Status.REVERSED.name())))),
                "paid and not refunded, yet deliveries of it were taken back", violations);
        each(dsl, O_STATUS.eq(OrderStatus.REFUNDED.name()).and(exists(selectOne().from(DELIVERIES).where(ofOrder,
                STATUS.eq(Delivery.Status.PENDING.name()), KIND.ne(Delivery.Kind.REVOKE.name())))),
                "refunded, yet deliveries of it still wait to be delivered", violations);
        for (String child : List.of("commerce_order_lines", "commerce_order_events", "commerce_deliveries", "commerce_invoices",
                "commerce_hosted_payments")) {
            violations.addAll(new Reference(child, "order_id", "commerce_orders", "id").check(dsl));
        }
        return violations.size() > VIOLATIONS_MAX ? violations.subList(0, VIOLATIONS_MAX) : violations;
    }

    private static void each(DSLContext dsl, org.jooq.Condition broken, String what, List<String> violations) {
        dsl.select(O_ID, O_STATUS).from(ORDERS).where(broken).limit(VIOLATIONS_MAX)
                .forEach(r -> violations.add("order " + r.value1() + " (" + r.value2().toLowerCase(java.util.Locale.ROOT) + ") is " + what));
    }
}
