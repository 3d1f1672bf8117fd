package dev.veltrix.server.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.sdk.StreamEvent;
import dev.veltrix.sdk.VeltrixClient;
import dev.veltrix.server.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A purchase end to end over HTTP and the stream: a game server sells a package for game currency, the
 * command reaches the server the player is on as soon as the order settles (or when the player joins), and
 * the server acknowledges it once.
 */
class StoreApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPurchaseIsDeliveredToThePlayersServerAtOnceOrWhenTheyJoin() throws Exception {
        try (TestNode node = TestNode.start();
             VeltrixClient server = VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key).retries(2, Duration.ofMillis(50)))) {
            catalog(node);
            register(node, "survival-1", "survival");
            UUID alex = UUID.randomUUID();
            UUID kim = UUID.randomUUID();
            join(node, alex, "survival-1", "Alex");
            join(node, kim, "survival-1", "Kim");
            assertThat(node.put("/api/v1/players/" + kim + "/session", "{\"server\":null}").statusCode()).isEqualTo(200);
            node.fund(alex, 5_000);
            node.fund(kim, 5_000);

            List<StreamEvent> received = new CopyOnWriteArrayList<>();
            List<String> ran = new CopyOnWriteArrayList<>();
            var deliveries = server.store().deliveries("survival-1", d -> ran.add(d.command()));
            try (var stream = server.stream(event -> {
                received.add(event);
                deliveries.accept(event);
            })) {
                stream.connected().get(20, TimeUnit.SECONDS);
                var placed = node.post("/api/v1/store/orders", "{\"playerName\":\"alex\",\"lines\":[{\"package\":\"kit\",\"quantity\":2}],"
                        + "\"rail\":\"game\"}", "order-1");
                assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
                JsonNode order = JSON.readTree(placed.body());
                assertThat(order.at("/order/status").asText()).isEqualTo("PAID");
                assertThat(order.at("/order/total").asLong()).isEqualTo(1_000);
                String orderId = order.at("/order/id").asText();
                // A retry with the same key is the same order, charged once: 5,000 - 1,000 + 2 x 50 granted.
                var retried = node.post("/api/v1/store/orders", "{\"playerName\":\"alex\",\"lines\":[{\"package\":\"kit\",\"quantity\":2}],"
                        + "\"rail\":\"game\"}", "order-1");
                assertThat(JSON.readTree(retried.body()).at("/order/id").asText()).isEqualTo(orderId);
                assertThat(JSON.readTree(node.get("/api/v1/accounts/player:" + alex + "/balances").body()).toString()).contains("4100");

                StreamEvent delivery = await(received, "give Alex diamond_sword 2");
                assertThat(delivery.payload()).containsEntry("server", "survival-1").containsEntry("player", alex.toString());
                String deliveryId = (String) delivery.payload().get("id");
                // The SDK ran it once and acknowledged it; acknowledging again changes nothing.
                awaitDelivered(node, orderId);
                assertThat(ran).containsExactly("give Alex diamond_sword 2");
                var again = node.post("/api/v1/store/deliveries/" + deliveryId + "/ack", "{\"server\":\"survival-1\"}", null);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                assertThat(JSON.readTree(again.body()).get("doneBy").asText()).isEqualTo("survival-1");
                assertThat(JSON.readTree(node.get("/api/v1/store/deliveries?server=survival-1").body()).get("items")).isEmpty();

                // Kim is offline: the kit waits, and goes out the moment Kim joins.
                var kims = node.post("/api/v1/store/orders", "{\"playerName\":\"Kim\",\"lines\":[{\"package\":\"kit\"}],\"rail\":\"game\"}", "order-2");
                assertThat(kims.statusCode()).as(kims.body()).isEqualTo(201);
                Thread.sleep(300);
                assertThat(received).noneMatch(e -> String.valueOf(e.payload().get("command")).contains("Kim"));
                join(node, kim, "survival-1", "Kim");
                await(received, "give Kim diamond_sword 1");
                awaitDelivered(node, JSON.readTree(kims.body()).at("/order/id").asText());
                assertThat(ran).containsExactly("give Alex diamond_sword 2", "give Kim diamond_sword 1");

                JsonNode view = JSON.readTree(node.get("/api/v1/store/orders/" + orderId).body());
                assertThat(view.get("timeline").toString()).contains("placed", "settled", "delivered");
                assertThat(node.get("/metrics").body()).contains("veltrix_store_orders{status=\"paid\"} 2.0",
                        "veltrix_store_deliveries_pending 0.0");
            }
        }
    }

    @Test
    void aServerThatWasDownRunsWhatItMissedOnceWhenItCatchesUp() throws Exception {
        try (TestNode node = TestNode.start();
             VeltrixClient server = VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key).retries(2, Duration.ofMillis(50)))) {
            catalog(node);
            register(node, "survival-1", "survival");
            UUID alex = UUID.randomUUID();
            join(node, alex, "survival-1", "Alex");
            node.fund(alex, 2_000);
            var placed = node.post("/api/v1/store/orders", "{\"playerName\":\"Alex\",\"lines\":[{\"package\":\"kit\"}],\"rail\":\"game\"}", "k");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            // No stream was open: the plugin asks on start-up.
            List<String> ran = new CopyOnWriteArrayList<>();
            var deliveries = server.store().deliveries("survival-1", d -> ran.add(d.kind() + ":" + d.command()));
            assertThat(deliveries.catchUp()).isEqualTo(1);
            assertThat(deliveries.catchUp()).isZero();
            assertThat(ran).containsExactly("command:give Alex diamond_sword 1");
            awaitDelivered(node, JSON.readTree(placed.body()).at("/order/id").asText());
        }
    }

    @Test
    void aCreatorsEarningsShowInTheirStatementAndAPayoutIsRecordedOnce() throws Exception {
        try (TestNode node = TestNode.start()) {
            catalog(node);
            register(node, "survival-1", "survival");
            UUID alex = UUID.randomUUID();
            join(node, alex, "survival-1", "Alex");
            node.fund(alex, 1_000);
            assertThat(node.put("/api/v1/store/creators/pixelsmith", "{\"name\":\"Pixel Smith\"}").statusCode()).isEqualTo(200);
            assertThat(node.put("/api/v1/store/packages/kit/creator", "{\"creator\":\"pixelsmith\",\"percent\":40}").statusCode()).isEqualTo(200);
            assertThat(node.put("/api/v1/store/packages/kit/creator", "{\"creator\":\"nobody\",\"percent\":40}").statusCode()).isEqualTo(404);
            var placed = node.post("/api/v1/store/orders", "{\"playerName\":\"Alex\",\"lines\":[{\"package\":\"kit\"}],\"rail\":\"game\"}", "c1");
            assertThat(placed.statusCode()).isEqualTo(201);
            awaitDelivered(node, JSON.readTree(placed.body()).at("/order/id").asText(), "EARNING");

            var statement = node.get("/api/v1/store/creators/pixelsmith/statement?currency=coins");
            assertThat(statement.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(statement.body()).contains("creator-earning").contains(",200,200");
            var payout = node.post("/api/v1/store/creators/pixelsmith/payouts", "{\"currency\":\"coins\",\"amount\":150,\"transactionId\":\"tx-9\"}", null);
            assertThat(payout.statusCode()).as(payout.body()).isEqualTo(200);
            assertThat(JSON.readTree(payout.body()).get("owed").asLong()).isEqualTo(50);
            var tooMuch = node.post("/api/v1/store/creators/pixelsmith/payouts", "{\"currency\":\"coins\",\"amount\":150,\"transactionId\":\"tx-10\"}", null);
            assertThat(tooMuch.statusCode()).isEqualTo(422);
            assertThat(tooMuch.body()).contains("is owed 50");
        }
    }

    @Test
    void badCatalogEntriesAndOrdersGetA4xxThatSaysWhatToFixAndChangeNothing() throws Exception {
        try (TestNode node = TestNode.start()) {
            catalog(node);
            var bad = node.put("/api/v1/store/packages/vip", "{\"category\":\"none\",\"name\":\"VIP\",\"currency\":\"usd\",\"price\":-5,"
                    + "\"deliverables\":[{\"type\":\"command\",\"command\":\"lp user {who} parent add vip\"},{\"type\":\"potion\"}]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("deliverables[0].command", "unknown placeholder {who}", "deliverables[1].type");
            var half = node.put("/api/v1/store/packages/vip", "{\"category\":\"none\",\"name\":\"VIP\",\"currency\":\"usd\",\"price\":-5,"
                    + "\"deliverables\":[{\"type\":\"command\",\"command\":\"say hi\"}]}");
            assertThat(half.statusCode()).isEqualTo(400);
            assertThat(half.body()).contains("\"category\"", "\"price\"", "no game currency usd");
            assertThat(node.get("/api/v1/store/packages").body()).doesNotContain("\"vip\"");

            register(node, "lobby-1", "lobby");
            join(node, UUID.randomUUID(), "lobby-1", "Sam");
            var unknown = node.post("/api/v1/store/orders", "{\"playerName\":\"Nobody\",\"lines\":[{\"package\":\"kit\"}],\"rail\":\"game\"}", "k1");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("no player named Nobody has joined");
            var noKey = node.post("/api/v1/store/orders", "{\"playerName\":\"Sam\",\"lines\":[{\"package\":\"kit\"}],\"rail\":\"game\"}", null);
            assertThat(noKey.statusCode()).isEqualTo(400);
            assertThat(noKey.body()).contains("Idempotency-Key");
            var broke = node.post("/api/v1/store/orders", "{\"playerName\":\"Sam\",\"lines\":[{\"package\":\"kit\"}],\"rail\":\"game\"}", "k2");
            assertThat(broke.statusCode()).isEqualTo(422);
            assertThat(broke.body()).contains("holds less than 500 coins");
            var badRail = node.post("/api/v1/store/orders", "{\"playerName\":\"Sam\",\"lines\":[{\"package\":\"kit\"}],\"rail\":\"paypal\"}", null);
            assertThat(badRail.statusCode()).isEqualTo(400);
            assertThat(badRail.body()).contains("btc, eth, usdc, nowpayments, game, gift_card");
            assertThat(JSON.readTree(node.get("/api/v1/store/orders").body()).get("items")).isEmpty();
        }
    }

    private static void catalog(TestNode node) {
        node.createCoins();
        assertThat(node.put("/api/v1/store/categories/kits", "{\"name\":\"Kits\",\"position\":1}").statusCode()).isEqualTo(200);
        var kit = node.put("/api/v1/store/packages/kit", "{\"category\":\"kits\",\"name\":\"Sword kit\",\"currency\":\"coins\",\"price\":500,"
                + "\"deliverables\":[{\"type\":\"command\",\"group\":\"survival\",\"command\":\"/give {player} diamond_sword {quantity}\","
                + "\"whenOnline\":true},{\"type\":\"currency\",\"currency\":\"coins\",\"amount\":50}]}");
        assertThat(kit.statusCode()).as(kit.body()).isEqualTo(200);
    }

    private static void register(TestNode node, String name, String group) {
        var registered = node.post("/api/v1/servers", "{\"name\":\"" + name + "\",\"group\":\"" + group
                + "\",\"address\":\"10.0.0.1:25565\",\"capacity\":100}", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    private static void join(TestNode node, UUID player, String server, String name) {
        var joined = node.put("/api/v1/players/" + player + "/session", "{\"server\":\"" + server + "\",\"name\":\"" + name + "\"}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    }

    /** Waits until every delivery of the order is done. */
    private static void awaitDelivered(TestNode node, String orderId) throws Exception {
        awaitDelivered(node, orderId, null);
    }

    /** Waits until every delivery of the order (of one kind, when given) is done. */
    private static void awaitDelivered(TestNode node, String orderId, String kind) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode deliveries = JSON.readTree(node.get("/api/v1/store/orders/" + orderId).body()).get("deliveries");
            boolean done = true;
            for (JsonNode d : deliveries) {
                done &= d.get("status").asText().equals("DELIVERED") || kind != null && !kind.equals(d.get("kind").asText());
            }
            if (done && !deliveries.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("order " + orderId + " was not delivered");
    }

    private static StreamEvent await(List<StreamEvent> received, String command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (StreamEvent e : received) {
                if (e.type().equals("delivery.requested") && command.equals(e.payload().get("command"))) {
                    return e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no delivery of \"" + command + "\" arrived; got " + received);
    }
}
