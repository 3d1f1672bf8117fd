package dev.veltrix.sdk;

import java.time.Instant;
import java.util.Map;

/** A posted transfer, as Veltrix recorded it. */
public record Transfer(String id, String postingId, int leg, String from, String to, String currency, long amount,
                       String reference, Instant postedAt) {

    static Transfer fromJson(Map<String, Object> json) {
        return new Transfer((String) json.get("id"), (String) json.get("postingId"), ((Number) json.get("leg")).intValue(),
                (String) json.get("from"), (String) json.get("to"), (String) json.get("currency"),
                ((Number) json.get("amount")).longValue(), (String) json.get("reference"),
                Instant.parse((String) json.get("postedAt")));
    }
}
