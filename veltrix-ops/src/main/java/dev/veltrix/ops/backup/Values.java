package dev.veltrix.ops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;
import java.util.Map;

/**
 * Column values as the archive keeps them: numbers as numbers, text as text, bytes as {@code {"b64": "..."}}, null as
 * null; the same on every database, so an archive from one restores into another.
 */
final class Values {
    private Values() {
    }

    static Object read(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return switch (value) {
            case null -> null;
            case byte[] bytes -> Map.of("b64", Base64.getEncoder().encodeToString(bytes));
            case Boolean b -> b ? 1 : 0;
            case Number n -> n;
            default -> value.toString();
        };
    }

    static void bind(PreparedStatement ps, int index, JsonNode value, int sqlType) throws SQLException {
        if (value == null || value.isNull()) {
            ps.setNull(index, sqlType);
        } else if (value.isObject() && value.has("b64")) {
            ps.setBytes(index, Base64.getDecoder().decode(value.get("b64").asText()));
        } else if (value.isIntegralNumber()) {
            ps.setLong(index, value.asLong());
        } else if (value.isNumber()) {
            ps.setBigDecimal(index, new BigDecimal(value.asText()));
        } else if (sqlType == Types.INTEGER || sqlType == Types.BIGINT || sqlType == Types.SMALLINT) {
            ps.setLong(index, Long.parseLong(value.asText()));
        } else {
            ps.setString(index, value.asText());
        }
    }
}
