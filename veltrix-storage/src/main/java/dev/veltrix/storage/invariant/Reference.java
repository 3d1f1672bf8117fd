package dev.veltrix.storage.invariant;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * A column that names a row of another table: {@code commerce_deliveries.order_id} names a {@code commerce_orders.id}.
 * Veltrix keeps no foreign-key constraints (a restore loads tables in any order, and capabilities own their tables),
 * so this is how a broken reference is found: the rows whose value names nothing.
 * A null value names nothing and is not counted (a reward delivery has no order).
 */
public record Reference(String table, String column, String parentTable, String parentColumn) {
    public Reference {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(parentTable, "parentTable");
        Objects.requireNonNull(parentColumn, "parentColumn");
    }

    /** One violation naming the first values that point at nothing, and how many rows do; empty when intact. */
    public List<String> check(DSLContext dsl) {
        Field<Object> child = field(name("c", column));
        Field<Object> parent = field(name("p", parentColumn));
        Condition dangling = child.isNotNull().and(parent.isNull());
        var from = dsl.select(child).from(DSL.table(name(table)).as("c"))
                .leftJoin(DSL.table(name(parentTable)).as("p")).on(parent.eq(child)).where(dangling);
        List<Object> first = from.limit(5).fetch(child);
        if (first.isEmpty()) {
            return List.of();
        }
        int rows = dsl.fetchCount(from);
        return List.of(table + "." + column + " names " + parentTable + " rows that do not exist: " + rows + " rows, such as "
                + first.stream().map(String::valueOf).toList());
    }
}
