package dev.veltrix.server.api.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop as a game server uses it over HTTP. */
class MarketApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.createCoins();
        var saved = node.put("/api/v1/market/items/emerald", """
                {"name":"Emerald","currency":"coins","model":"DEMAND","basePrice":200,"sensitivity":0.005,
                 "spreadBps":100,"dailyBuyLimit":30}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonNode read(String body) throws Exception {
        return JSON.readTree(body);
    }

    @Test
    void aPlayerQuotesThenBuysAndTheRepeatIsAReplay() throws Exception {
        UUID steve = UUID.randomUUID();
        node.fund(steve, 50_000);
        var quote = node.post("/api/v1/market/items/emerald/quotes",
                "{\"player\":\"" + steve + "\",\"side\":\"buy\",\"quantity\":10}", null);
        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(201);
        JsonNode q = read(quote.body());
        // ∫[0,10] (200 + q) dq = 2050, plus half of the 1% spread, rounded up: 2061.
        assertThat(q.get("total").asLong()).isEqualTo(2061);

        String execute = "/api/v1/market/quotes/" + q.get("id").asText() + "/execute";
        var first = node.post(execute, "", null);
        var again = node.post(execute, "", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(read(again.body()).get("id")).isEqualTo(read(first.body()).get("id"));
        var balances = read(node.get("/api/v1/accounts/player:" + steve + "/balances").body());
        assertThat(balances.at("/balances/0/amount").asLong()).isEqualTo(50_000 - 2061);
    }

    @Test
    void aUsedUpDailyLimitIs429WithRetryAfterAndTheReset() throws Exception {
        UUID alex = UUID.randomUUID();
        node.fund(alex, 100_000);
        var bought = node.post("/api/v1/market/items/emerald/trades",
                "{\"player\":\"" + alex + "\",\"side\":\"BUY\",\"quantity\":30}", UUID.randomUUID().toString());
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
        var refused = node.post("/api/v1/market/items/emerald/trades",
                "{\"player\":\"" + alex + "\",\"side\":\"BUY\",\"quantity\":1}", UUID.randomUUID().toString());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(read(refused.body()).get("detail").asText()).contains("at most 30 of emerald per UTC day", "reset at");
    }

    @Test
    void badInputIsA4xxThatSaysWhatToFix() throws Exception {
        UUID alex = UUID.randomUUID();
        var badSide = node.post("/api/v1/market/items/emerald/quotes",
                "{\"player\":\"" + alex + "\",\"side\":\"HOLD\",\"quantity\":1}", null);
        assertThat(badSide.statusCode()).isEqualTo(400);
        assertThat(badSide.body()).contains("side").contains("BUY, SELL");

        var unknownItem = node.post("/api/v1/market/items/nothing/quotes",
                "{\"player\":\"" + alex + "\",\"side\":\"BUY\",\"quantity\":1}", null);
        assertThat(unknownItem.statusCode()).isEqualTo(404);

        var negative = node.post("/api/v1/market/items/emerald/quotes",
                "{\"player\":\"" + alex + "\",\"side\":\"BUY\",\"quantity\":-3}", null);
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("quantity");

        var broke = node.post("/api/v1/market/items/emerald/trades",
                "{\"player\":\"" + alex + "\",\"side\":\"BUY\",\"quantity\":1}", "broke-1");
        assertThat(broke.statusCode()).isEqualTo(422);
        assertThat(broke.body()).contains("insufficient-funds");

        var badItem = node.put("/api/v1/market/items/BAD%20ID", "{\"name\":\"\",\"currency\":\"gold\",\"basePrice\":0}");
        assertThat(badItem.statusCode()).isEqualTo(400);
        JsonNode errors = read(badItem.body()).get("errors");
        assertThat(errors.toString()).contains("\"id\"", "\"name\"", "\"currency\"", "\"basePrice\"");

        var badRange = node.get("/api/v1/market/items/emerald/candles?interval=1m&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(node.get("/api/v1/market/items/emerald/candles?interval=7m").statusCode()).isEqualTo(400);
    }
}
