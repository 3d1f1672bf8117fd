package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import dev.veltrix.commerce.orders.DayRevenue;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.OrderStatus;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.server.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The console's store pages: sales per day, deliveries waiting per server, the payment rails and their
 * wallets' address gap, webhook deliveries (sent again on request), recent orders, and each order's full
 * timeline with the operator's actions (settle one in review, cancel, refund).
 */
public final class StoreConsolePages {
    private static final int DAYS = 30;
    private final Web web;
    private final Store store;
    private final Clock clock;

    public StoreConsolePages(Web web, Store store, Clock clock) {
        this.web = web;
        this.store = store;
        this.clock = clock;
    }

    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/store", this::dashboard);
        routes.get("/console/store/orders/{id}", this::order);
        routes.post("/console/store/orders/{id}/{action}", this::act);
        routes.post("/console/store/webhooks/{id}/redeliver", this::redeliver);
        routes.post("/console/store/keys/{chain}", this::walletKey);
    }

    private void dashboard(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        List<DayRevenue> revenue = store.orders.revenue(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        web.render(ctx, "console/store.jte", params("csrf", session(ctx).csrfToken(), "charts", charts(revenue, first),
                "pending", store.fulfilment.pendingByServer(), "rails", store.invoices.status(), "hosted", store.hosted != null,
                "webRails", store.webRails(), "webhooks", store.webhooks.list(20), "orders", store.orders.recent(null, 30),
                "notice", ctx.queryParam("notice"), "error", ctx.queryParam("error")));
    }

    /** One revenue chart per currency: a day's paid orders, gift cards included, in major units. */
    private static List<Chart> charts(List<DayRevenue> revenue, LocalDate first) {
        Set<String> currencies = new TreeSet<>();
        revenue.forEach(r -> currencies.add(r.currency()));
        List<Chart> charts = new ArrayList<>();
        List<Long> x = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            x.add(first.plusDays(i).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        }
        for (String currency : currencies) {
            List<Double> amounts = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < DAYS; i++) {
                LocalDate day = first.plusDays(i);
                DayRevenue r = revenue.stream().filter(d -> d.day().equals(day) && d.currency().equals(currency)).findFirst().orElse(null);
                int digits = dev.veltrix.commerce.catalog.StorePackage.isFiat(currency)
                        ? java.util.Currency.getInstance(currency).getDefaultFractionDigits() : 0;
                amounts.add(r == null ? 0 : r.amount() / Math.pow(10, digits));
                counts.add(r == null ? 0 : r.orders());
            }
            Map<String, List<? extends Number>> series = new LinkedHashMap<>();
            series.put(currency, amounts);
            series.put("orders", counts);
            charts.add(Chart.of("revenue-" + currency, "Revenue per day, " + currency, x, true, series));
        }
        return charts;
    }

    private void order(Context ctx) {
        Order order = order(ctx.pathParam("id"));
        web.render(ctx, "console/store-order.jte", params("csrf", session(ctx).csrfToken(), "order", order,
                "invoice", order.rail().crypto() ? invoice(order) : null,
                "hosted", store.hosted == null ? null : store.hosted.payment(order.id()).orElse(null),
                "deliveries", store.fulfilment.ofOrder(order.id()), "timeline", store.orders.timeline(order.id()),
                "error", ctx.queryParam("error"), "notice", ctx.queryParam("notice")));
    }

    private Order order(String text) {
        try {
            return store.orders.order(UUID.fromString(text));
        } catch (IllegalArgumentException | dev.veltrix.core.error.NotFoundException e) {
            throw new io.javalin.http.NotFoundResponse("no order " + text);
        }
    }

    private dev.veltrix.commerce.crypto.Invoice invoice(Order order) {
        try {
            return store.invoices.invoice(order.id());
        } catch (dev.veltrix.core.error.NotFoundException e) {
            return null;
        }
    }

    private void act(Context ctx) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        Order order = order(ctx.pathParam("id"));
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        String by = "by " + ConsoleRoutes.admin(ctx).username() + (reason.isEmpty() ? "" : ": " + reason);
        String back = "/console/store/orders/" + order.id();
        try {
            switch (ctx.pathParam("action")) {
                case "settle" -> {
                    if (store.orders.settle(order.id(), "accepted " + by).isEmpty()) {
                        throw new dev.veltrix.core.error.ConflictException("not-settleable", "only a pending order or one in review can be settled");
                    }
                    store.fulfilment.dispatch(order.id());
                }
                case "cancel" -> {
                    if (!store.orders.move(order.id(), Set.of(OrderStatus.PENDING, OrderStatus.REVIEW), OrderStatus.CANCELLED, "cancelled",
                            "cancelled " + by)) {
                        throw new dev.veltrix.core.error.ConflictException("not-cancellable", "only a pending order or one in review can be cancelled");
                    }
                }
                case "refund" -> store.refunds.refund(order.id(), "refunded " + by);
                default -> throw new io.javalin.http.NotFoundResponse("no such action");
            }
            ctx.redirect(back + "?notice=" + java.net.URLEncoder.encode("done: " + ctx.pathParam("action"),
                    java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } catch (VeltrixException e) {
            ctx.redirect(back + "?error=" + java.net.URLEncoder.encode(e.getMessage(), java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
        }
    }

    /** A wallet key pasted by the operator: checked, kept and used, or refused with what to export instead. */
    private void walletKey(Context ctx) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        dev.veltrix.commerce.crypto.Chain chain = switch (ctx.pathParam("chain")) {
            case "bitcoin" -> dev.veltrix.commerce.crypto.Chain.BITCOIN;
            case "ethereum" -> dev.veltrix.commerce.crypto.Chain.ETHEREUM;
            default -> throw new io.javalin.http.NotFoundResponse("no chain " + ctx.pathParam("chain"));
        };
        String message;
        String kind;
        try {
            List<String> first = store.useWalletKey(chain, ctx.formParam("key"), ConsoleRoutes.admin(ctx).username());
            kind = "notice";
            message = "Key saved and in use. Its first receive addresses are " + String.join(", ", first)
                    + ": check that your wallet shows the same before selling.";
        } catch (dev.veltrix.core.error.InvalidInputException e) {
            kind = "error";
            message = e.errors().isEmpty() ? e.getMessage() : e.errors().getFirst().message();
        } catch (VeltrixException e) {
            kind = "error";
            message = e.getMessage();
        }
        ctx.redirect("/console/store?" + kind + "=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8)
                + "#wallets", HttpStatus.SEE_OTHER);
    }

    private void redeliver(Context ctx) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        try {
            store.webhooks.redeliver(UUID.fromString(ctx.pathParam("id")));
        } catch (IllegalArgumentException | dev.veltrix.core.error.NotFoundException e) {
            throw new io.javalin.http.NotFoundResponse("no webhook delivery " + ctx.pathParam("id"));
        }
        ctx.redirect("/console/store?notice=webhook+queued+to+be+sent+again", HttpStatus.SEE_OTHER);
    }
}
