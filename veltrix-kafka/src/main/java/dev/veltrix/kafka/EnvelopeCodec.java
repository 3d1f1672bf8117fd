package dev.veltrix.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.core.event.EventEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Events on the wire: the envelope as one JSON object, its payload embedded as JSON rather than as a string. */
final class EnvelopeCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvelopeCodec() {
    }

    static byte[] encode(EventEnvelope event) {
        try {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", event.id().toString());
            node.put("type", event.type());
            node.put("key", event.key());
            node.put("occurredAt", event.occurredAt().toString());
            node.put("source", event.source());
            node.set("payload", JSON.readTree(event.payload()));
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + event.id() + " has a payload that is not JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an event (such a record goes to the dead-letter topic) */
    static EventEnvelope decode(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return new EventEnvelope(UUID.fromString(node.path("id").asText()), node.path("type").asText(),
                    node.path("key").asText(), Instant.parse(node.path("occurredAt").asText()), node.path("source").asText(),
                    JSON.writeValueAsString(node.path("payload")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a Veltrix event: " + new String(bytes, 0, Math.min(bytes.length, 120),
                    StandardCharsets.UTF_8), e);
        }
    }
}
