package dev.veltrix.server.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exchange as a game server uses it over HTTP. */
class ExchangeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.createCoins();
        node.post("/api/v1/currencies", "{\"code\":\"gems\",\"name\":\"Gems\",\"decimals\":0}", null);
        var pair = node.put("/api/v1/exchange/pairs/gems-coins", "{\"tickSize\":5,\"feeBps\":0}");
        assertThat(pair.statusCode()).as(pair.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String order(UUID player, String side, long price, long quantity) {
        return "{\"player\":\"" + player + "\",\"side\":\"" + side + "\",\"type\":\"LIMIT\",\"price\":" + price
                + ",\"quantity\":" + quantity + "}";
    }

    @Test
    void ordersMatchAndTheBookAndTradesShowIt() throws Exception {
        UUID seller = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"player:" + seller
                + "\",\"currency\":\"gems\",\"amount\":100}", UUID.randomUUID().toString());
        node.fund(buyer, 100_000);

        var ask = node.post("/api/v1/exchange/gems-coins/orders", order(seller, "SELL", 200, 60), "ask-1");
        assertThat(ask.statusCode()).as(ask.body()).isEqualTo(201);
        var bid = node.post("/api/v1/exchange/gems-coins/orders", order(buyer, "BUY", 200, 25), "bid-1");
        assertThat(JSON.readTree(bid.body()).get("status").asText()).isEqualTo("FILLED");
        var retry = node.post("/api/v1/exchange/gems-coins/orders", order(buyer, "BUY", 200, 25), "bid-1");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");

        JsonNode book = JSON.readTree(node.get("/api/v1/exchange/gems-coins/book?depth=5").body());
        assertThat(book.get("bestAsk").asLong()).isEqualTo(200);
        assertThat(book.at("/asks/0/quantity").asLong()).isEqualTo(35);
        JsonNode trades = JSON.readTree(node.get("/api/v1/exchange/gems-coins/trades").body()).get("items");
        assertThat(trades.get(0).get("quantity").asLong()).isEqualTo(25);

        String askId = JSON.readTree(ask.body()).get("id").asText();
        var cancelled = node.delete("/api/v1/exchange/gems-coins/orders/" + askId + "?player=" + seller);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).get("status").asText()).isEqualTo("CANCELLED");
        JsonNode balances = JSON.readTree(node.get("/api/v1/accounts/player:" + seller + "/balances").body()).get("balances");
        long gems = 0;
        for (JsonNode balance : balances) {
            gems += balance.get("currency").asText().equals("gems") ? balance.get("amount").asLong() : 0;
        }
        assertThat(gems).as("100 issued, 25 sold, the rest released by the cancel").isEqualTo(75);
    }

    @Test
    void badOrdersAre4xxThatSayWhatToFix() throws Exception {
        UUID poor = UUID.randomUUID();
        var offTick = node.post("/api/v1/exchange/gems-coins/orders", order(poor, "BUY", 201, 1), "t-1");
        assertThat(offTick.statusCode()).isEqualTo(400);
        assertThat(offTick.body()).contains("tick size 5");
        var broke = node.post("/api/v1/exchange/gems-coins/orders", order(poor, "BUY", 200, 1), "t-2");
        assertThat(broke.statusCode()).isEqualTo(422);
        var unknown = node.post("/api/v1/exchange/gold-coins/orders", order(poor, "BUY", 200, 1), "t-3");
        assertThat(unknown.statusCode()).isEqualTo(404);
        var noKey = node.post("/api/v1/exchange/gems-coins/orders", order(poor, "BUY", 200, 1), null);
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("Idempotency-Key");
        var zero = node.post("/api/v1/exchange/gems-coins/orders", order(poor, "SELL", 200, 0), "t-4");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(node.get("/api/v1/exchange/gems-coins/book?depth=500").statusCode()).isEqualTo(400);
        assertThat(node.delete("/api/v1/exchange/gems-coins/orders/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }
}
