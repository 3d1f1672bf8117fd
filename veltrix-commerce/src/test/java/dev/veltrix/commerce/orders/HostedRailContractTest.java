package dev.veltrix.commerce.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.commerce.hosted.IpnSignature;
import dev.veltrix.core.error.UnauthorizedException;
import dev.veltrix.storage.SqlKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** NOWPayments end to end against a local server following their API: invoices, signed callbacks, forgeries, replays. */
class HostedRailContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] ipn(Order order, long paymentId, String status, String priceAmount) {
        ObjectNode body = JSON.createObjectNode();
        body.put("payment_id", paymentId);
        body.put("payment_status", status);
        body.put("pay_address", "3EZ2uTdVDAMFXTfc6uLDDKR6o8qKBZXVkj");
        body.put("price_amount", new BigDecimal(priceAmount));
        body.put("price_currency", "usd");
        body.put("pay_amount", new BigDecimal("0.0005"));
        body.put("actually_paid", new BigDecimal(status.equals("waiting") ? "0" : "0.0005"));
        body.put("pay_currency", "btc");
        body.put("order_id", order.id().toString());
        body.put("order_description", "Order");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(String secret, byte[] body) throws Exception {
        return IpnSignature.sign(secret, IpnSignature.parse(body));
    }

    private static Order place(StoreFixture store) {
        return store.checkout.place(new PlaceOrder("Max", List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.NOWPAYMENTS), null);
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void signedCallbacksSettleOnceAndForgedOrReplayedOnesChangeNothing(SqlKind kind) throws Exception {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("USD", 2_500, null);
            store.player("Max", 0);
            Order order = place(store);
            var invoice = store.processor.invoices.getFirst();
            assertThat(invoice.get("price_amount").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(invoice.get("price_currency").asText()).isEqualTo("usd");
            assertThat(invoice.get("order_id").asText()).isEqualTo(order.id().toString());
            assertThat(invoice.get("ipn_callback_url").asText()).isEqualTo("https://store.example.net/store/ipn/nowpayments");
            assertThat(store.hosted.payment(order.id()).orElseThrow().invoiceUrl()).startsWith("https://nowpayments.io/payment/?iid=");

            byte[] forged = ipn(order, 77, "finished", "25.00");
            assertThatThrownBy(() -> store.hosted.callback(forged, sign("guessed-secret", forged))).isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> store.hosted.callback(forged, null)).isInstanceOf(UnauthorizedException.class);
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.PENDING);

            for (String status : List.of("waiting", "confirming", "confirmed")) {
                byte[] body = ipn(order, 77, status, "25.00");
                assertThat(store.hosted.callback(body, sign(StoreFixture.IPN_SECRET, body))).isEqualTo("applied");
            }
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.PENDING);
            byte[] finished = ipn(order, 77, "finished", "25.00");
            assertThat(store.hosted.callback(finished, sign(StoreFixture.IPN_SECRET, finished))).isEqualTo("applied");
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.PAID);
            int deliveries = store.fulfilment.ofOrder(order.id()).size();
            assertThat(deliveries).isPositive();
            assertThat(store.hosted.callback(finished, sign(StoreFixture.IPN_SECRET, finished))).isEqualTo("replayed");
            assertThat(store.fulfilment.ofOrder(order.id())).hasSize(deliveries);
            assertThat(store.hosted.callbacks(20)).extracting(row -> row.get("outcome"))
                    .contains("forged", "applied", "replayed");

            // A chargeback: the processor reports the payment refunded; the order is refunded once.
            byte[] refunded = ipn(order, 77, "refunded", "25.00");
            store.hosted.callback(refunded, sign(StoreFixture.IPN_SECRET, refunded));
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.REFUNDED);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void anAmountThatDiffersFromTheOrderGoesToReviewAndAFailedPaymentExpiresTheOrder(SqlKind kind) throws Exception {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("USD", 2_500, 3);
            store.player("Max", 0);
            Order shortPaid = place(store);
            byte[] body = ipn(shortPaid, 91, "finished", "2.50");
            store.hosted.callback(body, sign(StoreFixture.IPN_SECRET, body));
            assertThat(store.orders.order(shortPaid.id()).status()).isEqualTo(OrderStatus.REVIEW);
            assertThat(store.fulfilment.ofOrder(shortPaid.id())).isEmpty();

            Order failed = place(store);
            assertThat(store.catalog.pkg("vip").stock()).isEqualTo(1);
            byte[] failure = ipn(failed, 92, "failed", "25.00");
            store.hosted.callback(failure, sign(StoreFixture.IPN_SECRET, failure));
            assertThat(store.orders.order(failed.id()).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(store.catalog.pkg("vip").stock()).as("the stock comes back").isEqualTo(2);
            // The order in review still holds its unit until an operator decides; cancelling it gives it back, once.
            assertThat(store.orders.move(shortPaid.id(), java.util.Set.of(OrderStatus.REVIEW), OrderStatus.CANCELLED, "cancelled", "x")).isTrue();
            assertThat(store.orders.move(shortPaid.id(), java.util.Set.of(OrderStatus.REVIEW), OrderStatus.CANCELLED, "cancelled", "x")).isFalse();
            assertThat(store.catalog.pkg("vip").stock()).isEqualTo(3);

            byte[] stranger = ("{\"payment_id\":5,\"payment_status\":\"finished\",\"order_id\":\"not-ours\"}").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> store.hosted.callback(stranger, sign(StoreFixture.IPN_SECRET, stranger)))
                    .isInstanceOf(dev.veltrix.core.error.NotFoundException.class);
        }
    }
}
