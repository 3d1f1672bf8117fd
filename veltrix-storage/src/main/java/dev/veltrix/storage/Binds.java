package dev.veltrix.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DataType;
import org.jooq.Field;

/** Binds values to statements the storage layer writes itself, converted to their field's type as jOOQ would. */
final class Binds {
    // jOOQ builds a whole DSL context for every getSQLType() call: two nulls per ledger transfer made it a tenth of
    // the group commit's CPU on PostgreSQL. A type's answer never changes, so it is asked once.
    private static final Map<DataType<?>, Integer> SQL_TYPES = new ConcurrentHashMap<>();

    private Binds() {
    }

    static void bind(PreparedStatement statement, int index, Field<?> field, Object value) throws SQLException {
        // Most values already have their field's type; converting them anyway was a tenth of a group commit's CPU.
        Object converted = value == null || field.getType().isInstance(value) ? value : field.getDataType().convert(value);
        if (converted == null) {
            // Typed, so PostgreSQL knows what a null in a multi-row VALUES list is.
            statement.setNull(index, SQL_TYPES.computeIfAbsent(field.getDataType(), DataType::getSQLType));
        } else {
            statement.setObject(index, converted);
        }
    }
}
