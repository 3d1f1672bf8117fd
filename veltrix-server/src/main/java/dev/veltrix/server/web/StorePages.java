package dev.veltrix.server.web;

import static dev.veltrix.server.web.Web.params;

import dev.veltrix.commerce.catalog.Category;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.commerce.crypto.Invoice;
import dev.veltrix.commerce.crypto.QrCodes;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.PlaceOrder;
import dev.veltrix.commerce.orders.Pricing;
import dev.veltrix.commerce.orders.Rail;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.server.http.Problems;
import dev.veltrix.server.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The storefront: shelves of packages, a basket, checkout, and each order's page with its payment details
 * (amount, address, payment URI, QR code) and live status. Server-rendered; prices always come from the
 * catalog, never from the browser.
 */
public final class StorePages {
    private final Web web;
    private final Store store;
    private final Clock clock;

    private final dev.veltrix.branding.Brands brands;

    public StorePages(Web web, Store store, dev.veltrix.branding.Brands brands, Clock clock) {
        this.web = web;
        this.store = store;
        this.brands = brands;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/store", this::front);
        routes.get("/store/basket", ctx -> basket(ctx, Basket.parse(ctx.cookie(Basket.COOKIE)), null, Map.of()));
        routes.post("/store/basket", this::add);
        routes.post("/store/basket/remove", this::remove);
        routes.post("/store/checkout", this::checkout);
        routes.get("/store/orders/{id}", ctx -> order(ctx, "store/order.jte", false));
        routes.get("/store/orders/{id}/status", ctx -> order(ctx, "store/status.jte", true));
        routes.get("/store/orders/{id}/qr.png", this::qr);
        // NOWPayments' callbacks: no session, no key; the signature over the exact body is the authentication.
        routes.post("/store/ipn/nowpayments", ctx -> {
            if (store.hosted == null) {
                throw new io.javalin.http.NotFoundResponse("this store takes no payments through NOWPayments");
            }
            ctx.json(java.util.Map.of("result", store.hosted.callback(ctx.bodyAsBytes(), ctx.header("x-nowpayments-sig"))));
        });
    }

    /** A package on a shelf with the price it sells at now (after a running sale). */
    public record Shelf(Category category, List<Offer> offers) {
    }

    public record Offer(StorePackage pkg, String price, String listPrice, boolean webSale) {
    }

    /** A basket line as shown: what, how many, at what. */
    public record Line(String packageId, String name, int quantity, String unit, String total) {
    }

    private void front(Context ctx) {
        List<StorePackage> packages = store.catalog.packages(true);
        List<Shelf> shelves = new ArrayList<>();
        // A brand may show only some of the store's categories on its storefront.
        dev.veltrix.branding.Brand brand = brands.forHost(ctx.host()).brand();
        for (Category category : store.catalog.categories().stream().filter(c -> brand.showsCategory(c.id())).toList()) {
            List<Offer> offers = packages.stream().filter(p -> p.category().equals(category.id())).map(this::offer).toList();
            if (!offers.isEmpty()) {
                shelves.add(new Shelf(category, offers));
            }
        }
        web.render(ctx, "store/front.jte", params("shelves", shelves, "csrf", web.formToken(ctx),
                "basketCount", Basket.parse(ctx.cookie(Basket.COOKIE)).lines().size()));
    }

    private Offer offer(StorePackage pkg) {
        long now = Pricing.price(List.of(new Pricing.Item(pkg, 1)), store.catalog.sales(), null, clock.instant()).total();
        return new Offer(pkg, Money.of(now, pkg.currency()), now == pkg.price() ? null : Money.of(pkg.price(), pkg.currency()), pkg.fiat());
    }

    private void add(Context ctx) {
        Web.checkLoginCsrf(ctx);
        String id = ctx.formParam("package");
        int quantity = parseQuantity(ctx.formParam("quantity"));
        StorePackage pkg = id == null ? null : store.catalog.packages(true).stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        if (pkg == null || !pkg.fiat()) {
            ctx.status(400);
            basket(ctx, Basket.parse(ctx.cookie(Basket.COOKIE)), "that package cannot be bought here"
                    + (pkg == null ? " (it is not for sale)" : "; it costs game currency: buy it in game"), Map.of());
            return;
        }
        Basket basket = Basket.parse(ctx.cookie(Basket.COOKIE)).add(id, quantity);
        web.setCookie(ctx, Basket.COOKIE, basket.cookie(), Duration.ofDays(7));
        ctx.redirect("/store/basket", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static int parseQuantity(String text) {
        try {
            int quantity = text == null ? 1 : Integer.parseInt(text.strip());
            return Math.max(1, Math.min(quantity, dev.veltrix.commerce.orders.Orders.QUANTITY_MAX));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void remove(Context ctx) {
        Web.checkLoginCsrf(ctx);
        Basket basket = Basket.parse(ctx.cookie(Basket.COOKIE)).remove(String.valueOf(ctx.formParam("package")));
        web.setCookie(ctx, Basket.COOKIE, basket.cookie(), Duration.ofDays(7));
        ctx.redirect("/store/basket", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void basket(Context ctx, Basket basket, String error, Map<String, String> form) {
        Map<String, StorePackage> packages = store.catalog.packages(true).stream()
                .collect(Collectors.toMap(StorePackage::id, p -> p, (a, b) -> a, LinkedHashMap::new));
        List<Pricing.Item> items = new ArrayList<>();
        basket.lines().forEach((id, quantity) -> {
            StorePackage pkg = packages.get(id);
            if (pkg != null && pkg.fiat()) {
                items.add(new Pricing.Item(pkg, quantity));
            }
        });
        List<Line> lines = new ArrayList<>();
        String total = null;
        if (!items.isEmpty() && items.stream().allMatch(i -> i.pkg().currency().equals(items.getFirst().pkg().currency()))) {
            String currency = items.getFirst().pkg().currency();
            Pricing.Priced priced = Pricing.price(items, store.catalog.sales(), null, clock.instant());
            priced.lines().forEach(l -> lines.add(new Line(l.packageId(), l.name(), l.quantity(), Money.of(l.unitPrice(), currency),
                    Money.of(l.total(), currency))));
            total = Money.of(priced.total(), currency);
        } else if (!items.isEmpty()) {
            error = error != null ? error : "the basket holds packages priced in different currencies; remove some to check out";
            items.forEach(i -> lines.add(new Line(i.pkg().id(), i.pkg().name(), i.quantity(), Money.of(i.pkg().price(), i.pkg().currency()), "")));
        }
        List<String> rails = store.webRails().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
        web.render(ctx, "store/basket.jte", params("lines", lines, "total", total, "rails", rails, "error", error,
                "form", form, "csrf", web.formToken(ctx)));
    }

    private void checkout(Context ctx) {
        Web.checkLoginCsrf(ctx);
        Basket basket = Basket.parse(ctx.cookie(Basket.COOKIE));
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("playerName", "coupon", "giftCard", "rail")) {
            String value = ctx.formParam(field);
            form.put(field, value == null ? "" : value.strip());
        }
        try {
            Rail rail;
            try {
                rail = Rail.parse(form.get("rail"));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("rail", "choose how to pay");
            }
            if (rail == Rail.GAME) {
                throw InvalidInputException.of("rail", "game-currency packages are bought in game");
            }
            PlaceOrder request = new PlaceOrder(form.get("playerName"), basket.orderLines(), blankToNull(form.get("coupon")),
                    blankToNull(form.get("giftCard")), rail);
            Order order = store.checkout.place(request, null);
            web.setCookie(ctx, Basket.COOKIE, "", Duration.ZERO);
            ctx.redirect("/store/orders/" + order.id(), io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (VeltrixException e) {
            ctx.status(Problems.of(e, ctx).status());
            basket(ctx, basket, describe(e), form);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.toUpperCase(Locale.ROOT);
    }

    /** The problem in words a buyer can act on, every field included. */
    private static String describe(VeltrixException e) {
        if (e instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            return invalid.errors().stream().map(FieldError::message).collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    private void order(Context ctx, String template, boolean fragment) {
        Order order = findOrder(ctx);
        Invoice invoice = order.rail().crypto() ? invoiceOf(order) : null;
        web.render(ctx, template, params("order", order, "invoice", invoice,
                "hosted", store.hosted == null ? null : store.hosted.payment(order.id()).orElse(null),
                "total", Money.of(order.total(), order.currency()),
                "due", invoice == null ? null : Money.of(invoice.remainder(), invoice.asset()),
                "deliveries", store.fulfilment.ofOrder(order.id()).size(), "fragment", fragment));
    }

    private Invoice invoiceOf(Order order) {
        try {
            return store.invoices.invoice(order.id());
        } catch (NotFoundException e) {
            return null;
        }
    }

    private Order findOrder(Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.NotFoundResponse("no such order");
        }
        try {
            return store.orders.order(id);
        } catch (NotFoundException e) {
            throw new io.javalin.http.NotFoundResponse("no such order");
        }
    }

    private void qr(Context ctx) {
        Order order = findOrder(ctx);
        Invoice invoice = order.rail().crypto() ? invoiceOf(order) : null;
        if (invoice == null || invoice.paymentUri() == null) {
            throw new io.javalin.http.NotFoundResponse("this order has nothing left to pay");
        }
        ctx.contentType("image/png").header("Cache-Control", "no-store").result(QrCodes.png(invoice.paymentUri(), 320));
    }
}
