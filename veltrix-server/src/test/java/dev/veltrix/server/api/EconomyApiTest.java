package dev.veltrix.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Inflation indicators as an operator's tools read them. */
class EconomyApiTest {

    @Test
    void todaysIndicatorsShowWhatWasIssuedAndSpent() throws Exception {
        try (TestNode node = TestNode.start()) {
            node.createCoins();
            node.put("/api/v1/market/items/apple", "{\"name\":\"Apple\",\"currency\":\"coins\",\"basePrice\":10}");
            UUID steve = UUID.randomUUID();
            node.fund(steve, 1_000);
            var bought = node.post("/api/v1/market/items/apple/trades",
                    "{\"player\":\"" + steve + "\",\"side\":\"BUY\",\"quantity\":5}", "apple-1");
            assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);

            var response = node.get("/api/v1/economy/coins/indicators");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode today = new ObjectMapper().readTree(response.body()).get("days").get(29);
            assertThat(today.get("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
            assertThat(today.get("issued").asLong()).isEqualTo(1_000);
            assertThat(today.at("/sinks/market").asLong()).isEqualTo(51); // 5 × 10 plus the 1% half-spread, rounded up
            assertThat(today.get("supply").asLong()).isEqualTo(949);

            assertThat(node.get("/api/v1/economy/coins/indicators?from=yesterday").statusCode()).isEqualTo(400);
            assertThat(node.get("/api/v1/economy/gold/indicators").statusCode()).isEqualTo(404);
        }
    }
}
