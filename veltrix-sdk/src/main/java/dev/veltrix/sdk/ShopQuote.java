package dev.veltrix.sdk;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A shop price for one player and quantity, executable until {@code expiresAt}. */
public record ShopQuote(UUID id, String item, UUID player, String side, long quantity, long total, long priceAfter,
                        Instant expiresAt) {

    static ShopQuote fromJson(Map<String, Object> json) {
        return new ShopQuote(Json.uuid(json, "id"), (String) json.get("item"), Json.uuid(json, "player"),
                (String) json.get("side"), Json.number(json, "quantity"), Json.number(json, "total"),
                Json.number(json, "priceAfter"), Json.instant(json, "expiresAt"));
    }
}
