package dev.veltrix.server.api.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.market.MarketItem;
import dev.veltrix.economy.market.MarketService;
import dev.veltrix.economy.market.Side;
import dev.veltrix.economy.market.TradeResult;
import dev.veltrix.server.api.LedgerApi;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The dynamic shop over HTTP: items, quotes, trades and price candles. */
public final class MarketApi {
    private final MarketService market;
    private final ObjectMapper json;

    public MarketApi(MarketService market, ObjectMapper json) {
        this.market = market;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.get("/market/items", Scope.ECONOMY_READ, ctx -> ctx.json(Map.of("items",
                market.items().stream().map(this::view).toList())));
        api.get("/market/items/{item}", Scope.ECONOMY_READ, ctx -> ctx.json(view(market.item(ctx.pathParam("item")))));
        api.put("/market/items/{item}", Scope.ECONOMY_WRITE, ctx -> {
            MarketItem item = RequestBodies.read(ctx, json, ItemBody.class).toItem(ctx.pathParam("item"));
            ctx.json(view(market.define(item)));
        });
        api.post("/market/items/{item}/quotes", Scope.ECONOMY_WRITE, ctx -> {
            TradeBody body = RequestBodies.read(ctx, json, TradeBody.class);
            ctx.status(201).json(market.quote(ctx.pathParam("item"), player(body), side(body), quantity(body)));
        });
        api.post("/market/quotes/{quote}/execute", Scope.ECONOMY_WRITE, ctx ->
                respond(ctx, market.execute(Params.uuid("quote", ctx.pathParam("quote")))));
        api.post("/market/items/{item}/trades", Scope.ECONOMY_WRITE, ctx -> {
            TradeBody body = RequestBodies.read(ctx, json, TradeBody.class);
            respond(ctx, market.trade(ctx.pathParam("item"), player(body), side(body), quantity(body), body.limitTotal(),
                    ctx.header(LedgerApi.IDEMPOTENCY_KEY)));
        });
        api.get("/market/items/{item}/trades", Scope.ECONOMY_READ, ctx -> ctx.json(Map.of("items",
                market.recentTrades(ctx.pathParam("item"), Params.limit(ctx, 50, MarketService.TRADES_PAGE_MAX)))));
        api.get("/market/items/{item}/candles", Scope.ECONOMY_READ, ctx -> ctx.json(candles(ctx)));
    }

    /** Candles of one item; also served without a key to the public price page. */
    public Map<String, Object> candles(Context ctx) {
        String interval = ctx.queryParamAsClass("interval", String.class).getOrDefault("1h");
        Instant to = Params.instant(ctx, "to", Instant.now());
        Instant from = Params.instant(ctx, "from", to.minus(Duration.ofDays(7)));
        String item = ctx.pathParam("item");
        return Map.of("item", item, "interval", interval, "candles", market.candles(item, interval, from, to));
    }

    private Map<String, Object> view(MarketItem item) {
        Map<String, Object> view = new LinkedHashMap<>(json.convertValue(item, Map.class));
        view.put("price", market.price(item.id()));
        return view;
    }

    private static void respond(Context ctx, TradeResult result) {
        if (result.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(result.replayed() ? 200 : 201).json(result.trade());
    }

    private static UUID player(TradeBody body) {
        return Params.uuid("player", body.player());
    }

    private static Side side(TradeBody body) {
        return Params.choice("side", body.side(), Side.class);
    }

    private static long quantity(TradeBody body) {
        if (body.quantity() == null) {
            throw InvalidInputException.of("quantity", "the number of units, 1.." + MarketItem.QUANTITY_MAX);
        }
        return body.quantity();
    }
}
