package dev.veltrix.sdk;

import java.util.Map;
import java.util.UUID;

/**
 * An exchange order as it stands: {@code status} is OPEN, PARTIALLY_FILLED, FILLED, CANCELLED or
 * EXPIRED; {@code filled} base units traded, {@code spent} quote units exchanged for them.
 */
public record ExchangeOrder(UUID id, String pair, UUID player, String side, String type, long price, long quantity,
                            long filled, long spent, String status) {

    static ExchangeOrder fromJson(Map<String, Object> json) {
        return new ExchangeOrder(Json.uuid(json, "id"), (String) json.get("pair"), Json.uuid(json, "player"),
                (String) json.get("side"), (String) json.get("type"), Json.number(json, "price"),
                Json.number(json, "quantity"), Json.number(json, "filled"), Json.number(json, "spent"),
                (String) json.get("status"));
    }
}
