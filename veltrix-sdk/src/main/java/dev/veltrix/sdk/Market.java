package dev.veltrix.sdk;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The network's dynamic shop. Prices follow each item's curve over the whole quantity, so a plugin
 * shows {@link #quote} to the player and calls {@link #execute} when they confirm, or trades at once
 * with a limit. Pass an idempotency key derived from the game action so a retry trades once.
 */
public final class Market {
    private final HttpTransport transport;

    Market(HttpTransport transport) {
        this.transport = transport;
    }

    /** The marginal price of the next unit, in minor units. */
    public BigDecimal price(String item) {
        return Json.decimal(transport.get("/api/v1/market/items/" + item), "price");
    }

    /** What buying ({@code "BUY"}) or selling ({@code "SELL"}) this quantity would cost or pay now. */
    public ShopQuote quote(String item, UUID player, String side, long quantity) {
        return ShopQuote.fromJson(transport.post("/api/v1/market/items/" + item + "/quotes",
                body(player, side, quantity, null), null));
    }

    /** Executes a quote; executing it again returns the same trade. */
    public ShopTrade execute(ShopQuote quote) {
        return ShopTrade.fromJson(transport.post("/api/v1/market/quotes/" + quote.id() + "/execute", Map.of(), null));
    }

    /** Buys at once, paying at most {@code maxTotal} (null: any price). */
    public ShopTrade buy(String idempotencyKey, String item, UUID player, long quantity, Long maxTotal) {
        return ShopTrade.fromJson(transport.post("/api/v1/market/items/" + item + "/trades",
                body(player, "BUY", quantity, maxTotal), idempotencyKey));
    }

    /** Sells at once, taking at least {@code minTotal} (null: any price). */
    public ShopTrade sell(String idempotencyKey, String item, UUID player, long quantity, Long minTotal) {
        return ShopTrade.fromJson(transport.post("/api/v1/market/items/" + item + "/trades",
                body(player, "SELL", quantity, minTotal), idempotencyKey));
    }

    private static Map<String, Object> body(UUID player, String side, long quantity, Long limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("player", player.toString());
        body.put("side", side);
        body.put("quantity", quantity);
        if (limit != null) {
            body.put("limitTotal", limit);
        }
        return body;
    }
}
