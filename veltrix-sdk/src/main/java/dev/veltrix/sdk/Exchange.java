package dev.veltrix.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The player currency exchange. Pairs are {@code base-quote} (such as {@code gems-coins}); prices are
 * quote minor units per base minor unit. Funds are escrowed when an order is placed and released
 * exactly when it fills, is cancelled or expires.
 */
public final class Exchange {
    private final HttpTransport transport;

    Exchange(HttpTransport transport) {
        this.transport = transport;
    }

    /** Places a limit order; the answer shows what it matched at once. */
    public ExchangeOrder limit(String idempotencyKey, String pair, UUID player, String side, long price, long quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("player", player.toString());
        body.put("side", side);
        body.put("type", "LIMIT");
        body.put("price", price);
        body.put("quantity", quantity);
        return ExchangeOrder.fromJson(transport.post("/api/v1/exchange/" + pair + "/orders", body, idempotencyKey));
    }

    /** Cancels a resting order of the player and releases what it still escrows. */
    public ExchangeOrder cancel(String pair, UUID orderId, UUID player) {
        return ExchangeOrder.fromJson(transport.delete("/api/v1/exchange/" + pair + "/orders/" + orderId + "?player=" + player));
    }

    /** The best bid, or null when nobody bids. */
    public Long bestBid(String pair) {
        Object bid = transport.get("/api/v1/exchange/" + pair + "/book?depth=1").get("bestBid");
        return bid == null ? null : ((Number) bid).longValue();
    }

    /** The best ask, or null when nobody sells. */
    public Long bestAsk(String pair) {
        Object ask = transport.get("/api/v1/exchange/" + pair + "/book?depth=1").get("bestAsk");
        return ask == null ? null : ((Number) ask).longValue();
    }
}
