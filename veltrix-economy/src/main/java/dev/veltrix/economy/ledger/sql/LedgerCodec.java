package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Transfer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;

/** Turns transfers into rows and back, and ledger changes into event payloads. */
final class LedgerCodec {
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };
    private final ObjectMapper json;

    LedgerCodec(ObjectMapper json) {
        this.json = json;
    }

    /** A transfer's columns, in the order {@link #read(java.sql.ResultSet)} reads them. */
    static final List<Field<?>> COLUMNS = List.of(TR_ID, TR_POSTING, TR_LEG, TR_FROM, TR_TO, TR_CURRENCY, TR_AMOUNT,
            TR_REFERENCE, TR_METADATA, TR_POSTED_AT);

    List<Field<?>> columns() {
        return COLUMNS;
    }

    Transfer read(Record r) {
        return new Transfer(UUID.fromString(r.get(TR_ID)), UUID.fromString(r.get(TR_POSTING)), r.get(TR_LEG),
                new AccountId(r.get(TR_FROM)), new AccountId(r.get(TR_TO)), r.get(TR_CURRENCY), r.get(TR_AMOUNT),
                r.get(TR_REFERENCE), readMetadata(r.get(TR_METADATA)), Instant.ofEpochMilli(r.get(TR_POSTED_AT)));
    }

    /** A transfer from a plain JDBC row whose first columns are {@link #COLUMNS}, in that order. */
    Transfer read(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Transfer(UUID.fromString(r.getString(1)), UUID.fromString(r.getString(2)), r.getInt(3),
                new AccountId(r.getString(4)), new AccountId(r.getString(5)), r.getString(6), r.getLong(7),
                r.getString(8), readMetadata(r.getString(9)), Instant.ofEpochMilli(r.getLong(10)));
    }

    String metadataJson(Map<String, String> metadata) {
        return metadata.isEmpty() ? null : write(metadata);
    }

    private Map<String, String> readMetadata(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, METADATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored transfer metadata is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The payload of a {@code transfer.posted} event: what a game server needs to tell its players. Written straight
     * into text (strings quoted by Jackson's encoder): the writer thread makes one per transfer, and going through a
     * map and the object mapper was a quarter of its Java time.
     */
    String eventPayload(Transfer t) {
        StringBuilder json = new StringBuilder(320);
        json.append("{\"id\":\"").append(t.id()).append("\",\"postingId\":\"").append(t.postingId())
                .append("\",\"leg\":").append(t.leg());
        quoted(json.append(",\"from\":"), t.from().value());
        quoted(json.append(",\"to\":"), t.to().value());
        quoted(json.append(",\"currency\":"), t.currency());
        json.append(",\"amount\":").append(t.amount());
        quoted(json.append(",\"reference\":"), t.reference());
        return json.append(",\"postedAt\":\"").append(t.postedAt()).append("\"}").toString();
    }

    private static void quoted(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
        } else {
            json.append('"');
            JsonStringEncoder.getInstance().quoteAsString(value, json);
            json.append('"');
        }
    }

    /** The payload of a {@code currency.created} event. */
    String currencyPayload(dev.veltrix.economy.ledger.Currency currency) {
        return write(Map.of("code", currency.code(), "name", currency.name(), "decimals", currency.decimals()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
