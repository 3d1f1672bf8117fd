package dev.veltrix.commerce.hosted;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.commerce.fulfilment.Fulfilment;
import dev.veltrix.commerce.fulfilment.Refunds;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.OrderStatus;
import dev.veltrix.commerce.orders.Orders;
import dev.veltrix.commerce.orders.Timeline;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.UnauthorizedException;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted rail: NOWPayments. An order gets one of their invoices (created with the API key); the buyer pays
 * on their page; their IPN callbacks, signed with the IPN secret, move the order. A callback with a bad
 * signature is refused and logged; one that was applied before changes nothing; amounts are taken only from
 * a verified callback and must equal the order's, or the order goes to review.
 */
public final class NowPayments {
    public static final String PROVIDER = "nowpayments";
    private static final Logger LOG = LoggerFactory.getLogger(NowPayments.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Table<Record> PAYMENTS = table(name("commerce_hosted_payments"));
    private static final Field<String> P_ORDER = field(name("order_id"), String.class);
    private static final Field<String> P_PROVIDER = field(name("provider"), String.class);
    private static final Field<String> P_INVOICE = field(name("invoice_id"), String.class);
    private static final Field<String> P_URL = field(name("invoice_url"), String.class);
    private static final Field<String> P_PAYMENT = field(name("payment_id"), String.class);
    private static final Field<String> P_STATUS = field(name("status"), String.class);
    private static final Field<Long> P_UPDATED = field(name("updated_at"), Long.class);
    private static final Table<Record> CALLBACKS = table(name("commerce_callbacks"));
    private static final Field<String> C_ID = field(name("id"), String.class);
    private static final Field<String> C_PROVIDER = field(name("provider"), String.class);
    private static final Field<Long> C_RECEIVED = field(name("received_at"), Long.class);
    private static final Field<String> C_ORDER = field(name("order_id"), String.class);
    private static final Field<String> C_PAYMENT = field(name("payment_id"), String.class);
    private static final Field<String> C_STATUS = field(name("status"), String.class);
    private static final Field<String> C_OUTCOME = field(name("outcome"), String.class);
    private static final Field<String> C_DETAIL = field(name("detail"), String.class);
    /** Their statuses while money is on its way. */
    private static final Set<String> UNDER_WAY = Set.of("waiting", "confirming", "confirmed", "sending", "partially_paid");

    private final Database database;
    private final Clock clock;
    private final Orders orders;
    private final Fulfilment fulfilment;
    private final Refunds refunds;
    private final URI api;
    private final String apiKey;
    private final String ipnSecret;
    private final URI publicUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a hosted order shows the buyer: where to pay, and the processor's last status. */
    public record HostedPayment(UUID order, String invoiceId, String invoiceUrl, String paymentId, String status) {
    }

    /**
     * @param api       their API's base ({@code https://api.nowpayments.io})
     * @param publicUrl where buyers reach this store, for the callback and return addresses
     */
    public NowPayments(Database database, Clock clock, Orders orders, Fulfilment fulfilment, Refunds refunds, URI api, String apiKey,
                       String ipnSecret, URI publicUrl) {
        this.database = database;
        this.clock = clock;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.refunds = refunds;
        this.api = api;
        this.apiKey = apiKey;
        this.ipnSecret = ipnSecret;
        this.publicUrl = publicUrl;
    }

    /** Creates their invoice for a freshly placed order. */
    public HostedPayment open(Order order) {
        int digits = java.util.Currency.getInstance(order.currency()).getDefaultFractionDigits();
        ObjectNode body = JSON.createObjectNode();
        body.put("price_amount", BigDecimal.valueOf(order.total(), digits));
        body.put("price_currency", order.currency().toLowerCase(java.util.Locale.ROOT));
        body.put("order_id", order.id().toString());
        body.put("order_description", "Order " + order.id() + " for " + order.playerName());
        body.put("ipn_callback_url", publicUrl.resolve("/store/ipn/nowpayments").toString());
        body.put("success_url", publicUrl.resolve("/store/orders/" + order.id()).toString());
        body.put("cancel_url", publicUrl.resolve("/store/orders/" + order.id()).toString());
        JsonNode invoice = post("/v1/invoice", body);
        String id = invoice.path("id").asText("");
        String url = invoice.path("invoice_url").asText("");
        if (id.isEmpty() || !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new HostedUnavailableException("NOWPayments answered an invoice without an id or a payment page: " + invoice, null);
        }
        database.inTransaction(tx -> {
            tx.insertInto(PAYMENTS, P_ORDER, P_PROVIDER, P_INVOICE, P_URL, P_STATUS, P_UPDATED)
                    .values(order.id().toString(), PROVIDER, id, url, "waiting", clock.millis()).execute();
            Timeline.append(tx, order.id(), clock.instant(), "invoice", "NOWPayments invoice " + id + " at " + url);
            return null;
        });
        return payment(order.id()).orElseThrow();
    }

    public Optional<HostedPayment> payment(UUID order) {
        return database.dsl().selectFrom(PAYMENTS).where(P_ORDER.eq(order.toString())).fetchOptional(r -> new HostedPayment(order,
                r.get(P_INVOICE), r.get(P_URL), r.get(P_PAYMENT), r.get(P_STATUS)));
    }

    private JsonNode post(String path, JsonNode body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(20))
                    .header("x-api-key", apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new HostedUnavailableException("NOWPayments answered " + response.statusCode() + ": " + response.body(), null);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new HostedUnavailableException("NOWPayments cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostedUnavailableException("interrupted while asking NOWPayments", e);
        }
    }

    /**
     * Takes an IPN callback: verifies its signature over the exact body, then applies it once. Returns what was done
     * ({@code applied}, {@code replayed}, {@code ignored}); a forged callback throws 401 and is logged.
     */
    public String callback(byte[] rawBody, String signature) {
        JsonNode body;
        try {
            body = IpnSignature.parse(rawBody);
        } catch (IOException e) {
            log(null, null, null, "malformed", "not JSON: " + e.getMessage());
            throw new dev.veltrix.core.error.InvalidInputException("the callback is not JSON", java.util.List.of());
        }
        if (!body.isObject() || !IpnSignature.verify(ipnSecret, body, signature)) {
            log(text(body, "order_id"), text(body, "payment_id"), text(body, "payment_status"), "forged",
                    signature == null ? "no x-nowpayments-sig header" : "signature does not match the body");
            LOG.warn("refused a NOWPayments callback with a bad signature for order {}", text(body, "order_id"));
            throw new UnauthorizedException("the callback's x-nowpayments-sig does not match its body");
        }
        String orderText = text(body, "order_id");
        String paymentId = text(body, "payment_id");
        String status = text(body, "payment_status");
        UUID orderId;
        try {
            orderId = UUID.fromString(String.valueOf(orderText));
        } catch (IllegalArgumentException e) {
            log(orderText, paymentId, status, "unknown-order", "order_id is not one of ours");
            throw new NotFoundException("no order " + orderText);
        }
        return apply(orderId, paymentId, status, body);
    }

    private String apply(UUID orderId, String paymentId, String status, JsonNode body) {
        Order order = orders.find(database.dsl(), orderId).orElseThrow(() -> {
            log(orderId.toString(), paymentId, status, "unknown-order", "no such order");
            return new NotFoundException("no order " + orderId);
        });
        boolean replay = database.dsl().fetchExists(CALLBACKS, C_PROVIDER.eq(PROVIDER), C_PAYMENT.eq(paymentId), C_STATUS.eq(status),
                C_OUTCOME.eq("applied"));
        if (replay) {
            log(orderId.toString(), paymentId, status, "replayed", "applied before; nothing changed");
            return "replayed";
        }
        String detail = "NOWPayments: " + status + (body.has("actually_paid") ? ", paid " + body.get("actually_paid").asText()
                + " " + text(body, "pay_currency") : "");
        database.inTransaction(tx -> {
            tx.update(PAYMENTS).set(P_STATUS, status).set(P_PAYMENT, paymentId).set(P_UPDATED, clock.millis())
                    .where(P_ORDER.eq(orderId.toString())).execute();
            Timeline.append(tx, orderId, clock.instant(), "processor", detail);
            return null;
        });
        log(orderId.toString(), paymentId, status, "applied", detail);
        switch (String.valueOf(status)) {
            case "finished" -> finish(order, body);
            case "failed", "expired" -> orders.move(orderId, Set.of(OrderStatus.PENDING), OrderStatus.EXPIRED, "expired",
                    "NOWPayments reports the payment " + status);
            case "refunded" -> refunds.refund(orderId, "refunded by NOWPayments (payment " + paymentId + ")");
            default -> {
                if (!UNDER_WAY.contains(String.valueOf(status))) {
                    LOG.warn("NOWPayments sent an unknown status {} for order {}", status, orderId);
                    return "ignored";
                }
            }
        }
        return "applied";
    }

    /** Paid: the amount the processor says was priced must be the order's, in its currency; otherwise review. */
    private void finish(Order order, JsonNode body) {
        int digits = java.util.Currency.getInstance(order.currency()).getDefaultFractionDigits();
        BigDecimal due = BigDecimal.valueOf(order.total(), digits);
        BigDecimal priced = body.path("price_amount").isNumber() ? body.get("price_amount").decimalValue() : null;
        boolean matches = priced != null && priced.compareTo(due) == 0
                && order.currency().equalsIgnoreCase(text(body, "price_currency"));
        if (!matches) {
            orders.move(order.id(), Set.of(OrderStatus.PENDING, OrderStatus.EXPIRED), OrderStatus.REVIEW, "review",
                    "NOWPayments finished a payment of " + priced + " " + text(body, "price_currency") + " for an order of " + due + " "
                            + order.currency());
            return;
        }
        if (orders.settle(order.id(), "paid through NOWPayments, payment " + text(body, "payment_id")).isPresent()) {
            fulfilment.dispatch(order.id());
        } else if (order.status() == OrderStatus.EXPIRED) {
            orders.move(order.id(), Set.of(OrderStatus.EXPIRED), OrderStatus.REVIEW, "review", "NOWPayments finished a payment after the order expired");
        }
    }

    private void log(String order, String payment, String status, String outcome, String detail) {
        database.inTransaction(tx -> tx.insertInto(CALLBACKS, C_ID, C_PROVIDER, C_RECEIVED, C_ORDER, C_PAYMENT, C_STATUS, C_OUTCOME, C_DETAIL)
                .values(UuidV7.next().toString(), PROVIDER, clock.millis(), order, payment, status, outcome,
                        detail.length() > 500 ? detail.substring(0, 497) + "..." : detail).execute());
    }

    /** The newest callbacks with what became of them, for the console. */
    public java.util.List<java.util.Map<String, Object>> callbacks(int limit) {
        return database.dsl().selectFrom(CALLBACKS).orderBy(C_RECEIVED.desc()).limit(limit).fetch(r -> {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("receivedAt", java.time.Instant.ofEpochMilli(r.get(C_RECEIVED)));
            row.put("order", r.get(C_ORDER));
            row.put("payment", r.get(C_PAYMENT));
            row.put("status", r.get(C_STATUS));
            row.put("outcome", r.get(C_OUTCOME));
            row.put("detail", r.get(C_DETAIL));
            return row;
        });
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
