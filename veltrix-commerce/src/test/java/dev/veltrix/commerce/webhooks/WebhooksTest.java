package dev.veltrix.commerce.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.PlaceOrder;
import dev.veltrix.commerce.orders.Rail;
import dev.veltrix.commerce.orders.StoreFixture;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.outbox.Outbox;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Order events reach the operator's endpoint signed, once per event, retried after failures, and can be sent again. */
class WebhooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void orderEventsArriveSignedAreRetriedUntilTheEndpointTakesThemAndCanBeSentAgain(SqlKind kind) throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                received.add(body);
                signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
        try (StoreFixture store = new StoreFixture(kind)) {
            Webhooks hooks = new Webhooks(store.db.database(), store.clock,
                    List.of(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks")), "whsec-test");
            store.vip("coins", 100, null);
            store.player("Ana", 1_000);
            Order order = store.checkout.place(new PlaceOrder("Ana", List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.GAME), "w1");
            var events = Outbox.readAfter(store.db.database().dsl(), 0, 1_000);
            events.forEach(e -> hooks.accept(e.event()));
            events.forEach(e -> hooks.accept(e.event())); // the bus delivers again: nothing is queued twice
            assertThat(hooks.list(10)).hasSize(1).first().satisfies(d -> assertThat(d.eventType()).isEqualTo("order.paid"));

            assertThat(hooks.send(10)).isZero(); // 503
            assertThat(hooks.send(10)).as("not yet due").isZero();
            store.clock.advance(Webhooks.BACKOFF.get(0));
            assertThat(hooks.send(10)).isZero(); // 503 again
            WebhookDelivery failing = hooks.list(1).getFirst();
            assertThat(failing.attempts()).isEqualTo(2);
            assertThat(failing.lastCode()).isEqualTo(503);
            store.clock.advance(Webhooks.BACKOFF.get(1));
            assertThat(hooks.send(10)).isEqualTo(1);
            assertThat(hooks.list(1).getFirst().status()).isEqualTo(WebhookDelivery.Status.DELIVERED);

            JsonNode body = JSON.readTree(received.getFirst());
            assertThat(body.get("type").asText()).isEqualTo("order.paid");
            assertThat(body.at("/data/order").asText()).isEqualTo(order.id().toString());
            assertThat(body.at("/data/playerName").asText()).isEqualTo("Ana");
            assertThat(WebhookSignature.verify("whsec-test", signatures.getFirst(), received.getFirst(), store.clock.instant(),
                    Duration.ofMinutes(5))).isTrue();
            assertThat(WebhookSignature.verify("whsec-test", signatures.getFirst(), received.getFirst().replace("Ana", "Eve"),
                    store.clock.instant(), Duration.ofMinutes(5))).as("a changed body fails").isFalse();
            assertThat(WebhookSignature.verify("whsec-test", signatures.getFirst(), received.getFirst(),
                    store.clock.instant().plus(Duration.ofHours(1)), Duration.ofMinutes(5))).as("an old one is a replay").isFalse();

            hooks.redeliver(failing.id());
            assertThat(hooks.send(10)).isEqualTo(1);
            assertThat(received).hasSize(2);
            assertThatThrownBy(() -> hooks.redeliver(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        } finally {
            endpoint.stop(0);
        }
    }
}
