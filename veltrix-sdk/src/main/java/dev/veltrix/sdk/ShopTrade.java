package dev.veltrix.sdk;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A trade done with the shop: what the player paid (BUY) or got (SELL), in minor units. */
public record ShopTrade(UUID id, String item, UUID player, String side, long quantity, long total, String currency,
                        long priceAfter, Instant at) {

    static ShopTrade fromJson(Map<String, Object> json) {
        return new ShopTrade(Json.uuid(json, "id"), (String) json.get("item"), Json.uuid(json, "player"),
                (String) json.get("side"), Json.number(json, "quantity"), Json.number(json, "total"),
                (String) json.get("currency"), Json.number(json, "priceAfter"), Json.instant(json, "at"));
    }
}
