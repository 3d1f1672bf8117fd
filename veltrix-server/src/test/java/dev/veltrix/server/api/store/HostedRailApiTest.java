package dev.veltrix.server.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.commerce.hosted.IpnSignature;
import dev.veltrix.commerce.hosted.LocalNowPayments;
import dev.veltrix.server.TestNode;
import dev.veltrix.server.config.StoreSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hosted rail over HTTP: an order placed for NOWPayments gets their invoice, their signed callback on
 * {@code /store/ipn/nowpayments} settles it, a forged one gets 401, and an operator can refund it.
 */
class HostedRailApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "ipn-secret-of-the-operator";

    @Test
    void aSignedCallbackSettlesTheOrderAndAForgedOneIsRefused() throws Exception {
        try (LocalNowPayments processor = new LocalNowPayments();
             TestNode node = TestNode.start(StoreSettings.defaults().withHosted(new StoreSettings.Hosted(processor.url(),
                     LocalNowPayments.API_KEY, SECRET, URI.create("https://store.example.net"))))) {
            node.createCoins();
            assertThat(node.put("/api/v1/store/categories/ranks", "{\"name\":\"Ranks\"}").statusCode()).isEqualTo(200);
            var vip = node.put("/api/v1/store/packages/vip", "{\"category\":\"ranks\",\"name\":\"VIP\",\"currency\":\"EUR\",\"price\":1499,"
                    + "\"deliverables\":[{\"type\":\"command\",\"command\":\"lp user {player} parent add vip\"},"
                    + "{\"type\":\"command\",\"command\":\"lp user {player} parent remove vip\",\"on\":\"refund\"}]}");
            assertThat(vip.statusCode()).as(vip.body()).isEqualTo(200);
            assertThat(node.post("/api/v1/servers", "{\"name\":\"hub\",\"group\":\"lobby\",\"address\":\"10.0.0.4:25565\",\"capacity\":10}",
                    null).statusCode()).isEqualTo(201);
            assertThat(node.put("/api/v1/players/" + UUID.randomUUID() + "/session", "{\"server\":\"hub\",\"name\":\"Joey\"}").statusCode())
                    .isEqualTo(200);

            var placed = node.post("/api/v1/store/orders", "{\"playerName\":\"Joey\",\"lines\":[{\"package\":\"vip\"}],\"rail\":\"nowpayments\"}", null);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            JsonNode view = JSON.readTree(placed.body());
            assertThat(view.at("/hosted/invoiceUrl").asText()).startsWith("https://nowpayments.io/payment/?iid=");
            String orderId = view.at("/order/id").asText();
            assertThat(processor.invoices.getFirst().get("price_amount").decimalValue()).isEqualByComparingTo("14.99");
            assertThat(processor.invoices.getFirst().get("price_currency").asText()).isEqualTo("eur");

            String body = "{\"payment_id\":6001,\"payment_status\":\"finished\",\"price_amount\":14.99,\"price_currency\":\"eur\","
                    + "\"pay_amount\":0.00025,\"actually_paid\":0.00025,\"pay_currency\":\"btc\",\"order_id\":\"" + orderId + "\"}";
            var forged = ipn(node, body, IpnSignature.sign("not-the-secret", IpnSignature.parse(body.getBytes(StandardCharsets.UTF_8))));
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("x-nowpayments-sig");
            var unsigned = ipn(node, body, null);
            assertThat(unsigned.statusCode()).isEqualTo(401);
            String signature = IpnSignature.sign(SECRET, IpnSignature.parse(body.getBytes(StandardCharsets.UTF_8)));
            var applied = ipn(node, body, signature);
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            assertThat(applied.body()).contains("applied");
            assertThat(ipn(node, body, signature).body()).contains("replayed");
            assertThat(ipn(node, "{not json", signature).statusCode()).isEqualTo(400);

            JsonNode order = JSON.readTree(node.get("/api/v1/store/orders/" + orderId).body());
            assertThat(order.at("/order/status").asText()).isEqualTo("PAID");
            assertThat(order.get("timeline").toString()).contains("NOWPayments: finished");
            JsonNode callbacks = JSON.readTree(node.get("/api/v1/store/callbacks").body()).get("items");
            assertThat(callbacks.findValuesAsText("outcome")).contains("forged", "applied", "replayed", "malformed");

            var refund = node.post("/api/v1/store/orders/" + orderId + "/refund", "{\"reason\":\"bought by mistake\"}", null);
            assertThat(refund.statusCode()).as(refund.body()).isEqualTo(200);
            JsonNode refunded = JSON.readTree(refund.body());
            assertThat(refunded.at("/order/status").asText()).isEqualTo("REFUNDED");
            assertThat(refunded.get("deliveries").toString()).contains("lp user Joey parent remove vip");
            assertThat(node.post("/api/v1/store/orders/" + UUID.randomUUID() + "/refund", "{\"reason\":\"x\"}", null).statusCode())
                    .isEqualTo(404);
        }
    }

    private static HttpResponse<String> ipn(TestNode node, String body, String signature) {
        var request = HttpRequest.newBuilder(URI.create(node.baseUrl + "/store/ipn/nowpayments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("x-nowpayments-sig", signature);
        }
        return node.send(request.build());
    }
}
