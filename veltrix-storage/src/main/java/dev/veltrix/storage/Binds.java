package dev.veltrix.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jooq.Field;

/** Binds values to statements the storage layer writes itself, converted to their field's type as jOOQ would. */
final class Binds {
    private Binds() {
    }

    static void bind(PreparedStatement statement, int index, Field<?> field, Object value) throws SQLException {
        // Most values already have their field's type; converting them anyway was a tenth of a group commit's CPU.
        Object converted = value == null || field.getType().isInstance(value) ? value : field.getDataType().convert(value);
        if (converted == null) {
            // Typed, so PostgreSQL knows what a null in a multi-row VALUES list is.
            statement.setNull(index, field.getDataType().getSQLType());
        } else {
            statement.setObject(index, converted);
        }
    }
}
