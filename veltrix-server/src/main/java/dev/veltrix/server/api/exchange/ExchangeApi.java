package dev.veltrix.server.api.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.exchange.ExchangeService;
import dev.veltrix.economy.exchange.OrderRequest;
import dev.veltrix.economy.exchange.OrderResult;
import dev.veltrix.economy.exchange.OrderSide;
import dev.veltrix.economy.exchange.OrderType;
import dev.veltrix.economy.exchange.Pair;
import dev.veltrix.economy.exchange.BookView;
import dev.veltrix.server.api.LedgerApi;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** The player exchange over HTTP: pairs, orders, cancels, the book and trades. */
public final class ExchangeApi {
    private final ExchangeService exchange;
    private final ObjectMapper json;

    public ExchangeApi(ExchangeService exchange, ObjectMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.get("/exchange/pairs", Scope.ECONOMY_READ, ctx -> ctx.json(Map.of("items", exchange.pairs())));
        api.put("/exchange/pairs/{pair}", Scope.ECONOMY_WRITE, ctx -> {
            String[] codes = Pair.parseId(ctx.pathParam("pair"));
            if (codes == null) {
                throw InvalidInputException.of("pair", "name a pair base-quote, such as gems-coins");
            }
            PairBody body = RequestBodies.read(ctx, json, PairBody.class);
            ctx.json(exchange.define(new Pair(codes[0], codes[1], or(body.tickSize(), 1L), or(body.minQuantity(), 1L),
                    or(body.feeBps(), 0))));
        });
        api.post("/exchange/{pair}/orders", Scope.ECONOMY_WRITE, ctx -> {
            OrderBody body = RequestBodies.read(ctx, json, OrderBody.class);
            OrderRequest request = new OrderRequest(Params.uuid("player", body.player()),
                    Params.choice("side", body.side(), OrderSide.class),
                    Params.choice("type", body.type() == null ? "LIMIT" : body.type(), OrderType.class),
                    or(body.price(), 0L), or(body.quantity(), 0L), or(body.maxTotal(), 0L), body.expiresAt(),
                    ctx.header(LedgerApi.IDEMPOTENCY_KEY));
            respond(ctx, exchange.place(ctx.pathParam("pair"), request), 201);
        });
        api.delete("/exchange/{pair}/orders/{order}", Scope.ECONOMY_WRITE, ctx -> {
            String player = ctx.queryParam("player");
            respond(ctx, exchange.cancel(ctx.pathParam("pair"), Params.uuid("order", ctx.pathParam("order")),
                    player == null ? null : Params.uuid("player", player)), 200);
        });
        api.get("/exchange/{pair}/orders/{order}", Scope.ECONOMY_READ, ctx ->
                ctx.json(exchange.order(ctx.pathParam("pair"), Params.uuid("order", ctx.pathParam("order")))));
        api.get("/exchange/{pair}/orders", Scope.ECONOMY_READ, ctx -> ctx.json(Map.of("items",
                exchange.orders(ctx.pathParam("pair"), Params.uuid("player", ctx.queryParam("player")),
                        Params.limit(ctx, 50, ExchangeService.PAGE_MAX)))));
        api.get("/exchange/{pair}/book", Scope.ECONOMY_READ, ctx -> ctx.json(book(ctx)));
        api.get("/exchange/{pair}/trades", Scope.ECONOMY_READ, ctx -> ctx.json(Map.of("items",
                exchange.trades(ctx.pathParam("pair"), Params.limit(ctx, 50, ExchangeService.PAGE_MAX)))));
    }

    private BookView book(Context ctx) {
        String depth = ctx.queryParam("depth");
        int levels;
        try {
            levels = depth == null ? 10 : Integer.parseInt(depth);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("depth", "a whole number 1.." + BookView.DEPTH_MAX);
        }
        return exchange.book(ctx.pathParam("pair"), levels);
    }

    private static void respond(Context ctx, OrderResult result, int status) {
        if (result.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(result.replayed() ? 200 : status).json(result.order());
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }
}
