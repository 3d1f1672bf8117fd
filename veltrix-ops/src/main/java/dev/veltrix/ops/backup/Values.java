package dev.veltrix.ops.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;

/**
 * Column values as the archive keeps them: numbers as numbers, text as text, bytes as {@code {"b64": "..."}}, null as
 * null; the same on every database, so an archive from one restores into another.
 */
final class Values {
    private Values() {
    }

    static void write(JsonGenerator out, ResultSet rs, int column) throws SQLException, IOException {
        Object value = rs.getObject(column);
        switch (value) {
            case null -> out.writeNull();
            case byte[] bytes -> {
                out.writeStartObject();
                out.writeStringField("b64", Base64.getEncoder().encodeToString(bytes));
                out.writeEndObject();
            }
            case Boolean b -> out.writeNumber(b ? 1 : 0);
            case Integer i -> out.writeNumber(i);
            case Long l -> out.writeNumber(l);
            case Short s -> out.writeNumber(s);
            case BigDecimal d -> out.writeNumber(d);
            case java.math.BigInteger i -> out.writeNumber(i);
            case Number n -> out.writeNumber(n.doubleValue()); // float and double columns
            default -> out.writeString(value.toString());
        }
    }

    /** The parser's next value: a Long, BigDecimal, String, byte[] (from {@code {"b64": ...}}) or null. */
    static Object read(JsonParser in) throws IOException {
        JsonToken token = in.nextToken();
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> in.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? new BigDecimal(in.getBigIntegerValue())
                    : (Object) in.getLongValue();
            case VALUE_NUMBER_FLOAT -> in.getDecimalValue();
            case VALUE_STRING -> in.getText();
            case START_OBJECT -> {
                if (!"b64".equals(in.nextFieldName())) {
                    throw new JsonParseException(in, "a value object must be {\"b64\": ...}");
                }
                in.nextToken();
                byte[] bytes = Base64.getDecoder().decode(in.getText());
                if (in.nextToken() != JsonToken.END_OBJECT) {
                    throw new JsonParseException(in, "a value object must hold only b64");
                }
                yield bytes;
            }
            case null, default -> throw new JsonParseException(in, "a row has fewer values than the table has columns");
        };
    }

    /** Binds a value {@link #read} gave as the column's type expects. */
    static void bind(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, sqlType);
            case Long l -> ps.setLong(index, l);
            case BigDecimal d -> ps.setBigDecimal(index, d);
            case byte[] bytes -> ps.setBytes(index, bytes);
            case String text when sqlType == Types.INTEGER || sqlType == Types.BIGINT || sqlType == Types.SMALLINT ->
                    ps.setLong(index, Long.parseLong(text));
            default -> ps.setString(index, value.toString());
        }
    }
}
