package dev.veltrix.server.api.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.commerce.catalog.Category;
import dev.veltrix.commerce.catalog.GiftCard;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.OrderStatus;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.server.api.LedgerApi;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import dev.veltrix.server.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The store over HTTP. Game servers ({@code store}) list packages, place orders for their players, and take
 * and acknowledge deliveries; the operator's tools ({@code store:admin}) keep the catalog and settle or
 * cancel orders in review.
 */
public final class StoreApi {
    private final Store store;
    private final ObjectMapper json;

    public StoreApi(Store store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.get("/store/packages", Scope.STORE, ctx -> ctx.json(Map.of("categories", store.catalog.categories(),
                "items", store.catalog.packages(true))));
        api.post("/store/orders", Scope.STORE, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            Order order = store.checkout.place(StoreBodies.order(body), ctx.header(LedgerApi.IDEMPOTENCY_KEY));
            ctx.status(201).json(view(order));
        });
        api.get("/store/orders", Scope.STORE_ADMIN, ctx -> {
            String player = ctx.queryParam("player");
            ctx.json(Map.of("items", store.orders.recent(player == null ? null : Params.uuid("player", player),
                    Params.limit(ctx, 50, 500))));
        });
        api.get("/store/orders/{id}", Scope.STORE, ctx -> ctx.json(view(store.orders.order(Params.uuid("id", ctx.pathParam("id"))))));
        api.post("/store/orders/{id}/settle", Scope.STORE_ADMIN, ctx -> {
            UUID id = Params.uuid("id", ctx.pathParam("id"));
            String by = reason(ctx.bodyAsBytes().length == 0 ? null : RequestBodies.read(ctx, json, JsonNode.class));
            if (store.orders.settle(id, "accepted by an operator: " + by).isEmpty()) {
                throw new dev.veltrix.core.error.ConflictException("not-settleable", "order " + id + " is "
                        + store.orders.order(id).status() + "; only a pending order or one in review can be settled");
            }
            store.fulfilment.dispatch(id);
            ctx.json(view(store.orders.order(id)));
        });
        api.post("/store/orders/{id}/cancel", Scope.STORE_ADMIN, ctx -> {
            UUID id = Params.uuid("id", ctx.pathParam("id"));
            String why = reason(ctx.bodyAsBytes().length == 0 ? null : RequestBodies.read(ctx, json, JsonNode.class));
            if (!store.orders.move(id, Set.of(OrderStatus.PENDING, OrderStatus.REVIEW), OrderStatus.CANCELLED, "cancelled", why)) {
                throw new dev.veltrix.core.error.ConflictException("not-cancellable", "order " + id + " is "
                        + store.orders.order(id).status() + "; only a pending order or one in review can be cancelled");
            }
            ctx.json(view(store.orders.order(id)));
        });
        api.post("/store/orders/{id}/refund", Scope.STORE_ADMIN, ctx -> {
            UUID id = Params.uuid("id", ctx.pathParam("id"));
            String why = reason(ctx.bodyAsBytes().length == 0 ? null : RequestBodies.read(ctx, json, JsonNode.class));
            ctx.json(view(store.refunds.refund(id, "refunded by an operator: " + why)));
        });
        api.get("/store/callbacks", Scope.STORE_ADMIN, ctx -> ctx.json(Map.of("items",
                store.hosted == null ? List.of() : store.hosted.callbacks(Params.limit(ctx, 50, 500)))));
        api.get("/store/webhooks", Scope.STORE_ADMIN, ctx -> ctx.json(Map.of("items", store.webhooks.list(Params.limit(ctx, 50, 500)))));
        api.post("/store/webhooks/{id}/redeliver", Scope.STORE_ADMIN, ctx ->
                ctx.json(store.webhooks.redeliver(Params.uuid("id", ctx.pathParam("id")))));
        api.get("/store/deliveries", Scope.STORE, ctx -> {
            String server = ctx.queryParam("server");
            if (server == null || server.isBlank()) {
                throw InvalidInputException.of("server", "the name of the game server asking, as it registered");
            }
            ctx.json(Map.of("items", store.fulfilment.pendingFor(server, Params.limit(ctx, 100, 1_000))));
        });
        api.post("/store/deliveries/{id}/ack", Scope.STORE, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            String server = body.path("server").asText("");
            if (server.isBlank() || server.length() > 64) {
                throw InvalidInputException.of("server", "the name of the game server that ran the command");
            }
            ctx.json(store.fulfilment.acknowledge(Params.uuid("id", ctx.pathParam("id")), server));
        });
        api.put("/store/categories/{id}", Scope.STORE_ADMIN, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            ctx.json(store.catalog.putCategory(new Category(ctx.pathParam("id"), body.path("name").asText(null),
                    body.path("position").asInt(0))));
        });
        api.put("/store/packages/{id}", Scope.STORE_ADMIN, ctx ->
                ctx.json(store.catalog.putPackage(StoreBodies.pkg(ctx.pathParam("id"), RequestBodies.read(ctx, json, JsonNode.class)))));
        api.get("/store/creators", Scope.STORE_ADMIN, ctx -> ctx.json(Map.of("items", store.creators.list())));
        api.put("/store/creators/{id}", Scope.STORE_ADMIN, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            ctx.json(store.creators.put(ctx.pathParam("id"), body.path("name").asText(null)));
        });
        api.get("/store/creators/{id}/statement", Scope.STORE_ADMIN, ctx -> {
            String currency = currency(ctx.queryParam("currency"));
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"statement-"
                    + ctx.pathParam("id") + "-" + currency + ".csv\"").result(store.creators.statement(ctx.pathParam("id"), currency));
        });
        api.post("/store/creators/{id}/payouts", Scope.STORE_ADMIN, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("amount").isIntegralNumber()) {
                throw InvalidInputException.of("amount", "the amount paid out, in minor units (cents)");
            }
            String currency = currency(body.path("currency").asText(null));
            long owed = store.creators.payout(ctx.pathParam("id"), currency, body.get("amount").asLong(), body.path("transactionId").asText(null));
            ctx.json(Map.of("creator", ctx.pathParam("id"), "currency", currency, "owed", owed));
        });
        api.put("/store/packages/{id}/creator", Scope.STORE_ADMIN, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("percent").isInt()) {
                throw InvalidInputException.of("percent", "the creator's share, 0..100 percent (0 removes it)");
            }
            ctx.json(Map.of("share", store.creators.share(ctx.pathParam("id"), body.path("creator").asText(null), body.get("percent").asInt())
                    .map(s -> (Object) s).orElse("none")));
        });
        api.get("/store/coupons", Scope.STORE_ADMIN, ctx -> ctx.json(Map.of("items", store.catalog.coupons())));
        api.put("/store/coupons/{code}", Scope.STORE_ADMIN, ctx ->
                ctx.json(store.catalog.putCoupon(StoreBodies.coupon(ctx.pathParam("code"), RequestBodies.read(ctx, json, JsonNode.class)))));
        api.get("/store/sales", Scope.STORE_ADMIN, ctx -> ctx.json(Map.of("items", store.catalog.sales())));
        api.put("/store/sales/{id}", Scope.STORE_ADMIN, ctx ->
                ctx.json(store.catalog.putSale(StoreBodies.sale(ctx.pathParam("id"), RequestBodies.read(ctx, json, JsonNode.class)))));
        api.post("/store/gift-cards", Scope.STORE_ADMIN, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("amount").isIntegralNumber()) {
                throw InvalidInputException.of("amount", "a whole number of minor units (cents: 2500 is 25.00)");
            }
            GiftCard card = store.catalog.issueGiftCard(body.path("currency").asText(null), body.get("amount").asLong());
            ctx.status(201).json(card);
        });
        api.get("/store/gift-cards/{code}", Scope.STORE, ctx -> ctx.json(store.catalog.giftCard(ctx.pathParam("code"))));
    }

    private static String currency(String code) {
        if (code == null || !dev.veltrix.commerce.catalog.StorePackage.isFiat(code) && !code.matches("[a-z][a-z0-9_]{0,15}")) {
            throw InvalidInputException.of("currency", "the store currency of the earnings: USD, EUR, ... or a game currency");
        }
        return code;
    }

    private static String reason(JsonNode body) {
        String reason = body == null ? "" : body.path("reason").asText("").strip();
        if (reason.isEmpty() || reason.length() > 200) {
            throw InvalidInputException.of("reason", "why, in 1..200 characters (it goes on the order's timeline)");
        }
        return reason;
    }

    /** An order with its invoice (crypto), deliveries and timeline: everything a buyer or operator asks about it. */
    Map<String, Object> view(Order order) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("order", order);
        if (order.rail() == dev.veltrix.commerce.orders.Rail.NOWPAYMENTS && store.hosted != null) {
            view.put("hosted", store.hosted.payment(order.id()).orElse(null));
        }
        if (order.rail().crypto()) {
            try {
                view.put("invoice", store.invoices.invoice(order.id()));
            } catch (NotFoundException e) {
                view.put("invoice", null);
            }
        }
        view.put("deliveries", store.fulfilment.ofOrder(order.id()));
        view.put("timeline", store.orders.timeline(order.id()));
        return view;
    }
}
