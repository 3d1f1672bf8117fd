package dev.veltrix.server.api.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.server.TestNode;
import dev.veltrix.server.auth.Scope;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Game servers send event batches; consumers see each event once, and bad input says what to fix. */
class EventsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBatchReachesConsumersOnceEvenWhenSentTwiceAndBadEventsAreListed() throws Exception {
        try (TestNode node = TestNode.start()) {
            List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
            node.node.bus().subscribe("test", e -> {
                if (e.type().startsWith("game.")) {
                    seen.add(e);
                }
            });
            assertThat(node.post("/api/v1/servers", "{\"name\":\"survival-1\",\"group\":\"survival\",\"address\":\"10.0.0.3:25565\",\"capacity\":50}", null)
                    .statusCode()).isEqualTo(201);
            UUID steve = UUID.randomUUID();
            String batch = "{\"server\":\"survival-1\",\"events\":[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"mob.killed\",\"player\":\""
                    + steve + "\",\"data\":{\"mob\":\"creeper\"}},{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"mob killed\"}]}";

            var first = node.post("/api/v1/events", batch, null);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            JsonNode result = JSON.readTree(first.body());
            assertThat(result.get("accepted").asInt()).isEqualTo(1);
            assertThat(result.at("/rejected/0/index").asInt()).isEqualTo(1);
            assertThat(result.at("/rejected/0/field").asText()).isEqualTo("type");
            var again = node.post("/api/v1/events", batch, null);
            assertThat(JSON.readTree(again.body()).get("duplicates").asInt()).isEqualTo(1);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300); // time for a wrongful second delivery to show up
            assertThat(seen).hasSize(1);
            assertThat(seen.getFirst().type()).isEqualTo("game.mob.killed");
            assertThat(seen.getFirst().key()).isEqualTo(steve.toString());
            assertThat(node.get("/metrics").body()).as("the operator's count of events taken in").contains("veltrix_events_ingested_total 1.0");
        }
    }

    @Test
    void wholeBatchProblemsAreA4xxThatSaysWhatToFix() throws Exception {
        try (TestNode node = TestNode.start()) {
            node.post("/api/v1/servers", "{\"name\":\"lobby-1\",\"group\":\"lobby\",\"address\":\"10.0.0.1:25565\",\"capacity\":50}", null);
            StringBuilder tooMany = new StringBuilder("{\"server\":\"lobby-1\",\"events\":[");
            for (int i = 0; i <= 1_000; i++) {
                tooMany.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"type\":\"a.b\"}");
            }
            var oversized = node.post("/api/v1/events", tooMany.append("]}").toString(), null);
            assertThat(oversized.statusCode()).isEqualTo(400);
            assertThat(oversized.body()).contains("at most 1000 events per batch");

            var allBad = node.post("/api/v1/events", "{\"server\":\"lobby-1\",\"events\":[{\"type\":\"a.b\"}]}", null);
            assertThat(allBad.statusCode()).isEqualTo(400);
            assertThat(allBad.body()).contains("events[0].id");

            var unknown = node.post("/api/v1/events", "{\"server\":\"nowhere\",\"events\":[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"a.b\"}]}", null);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("nowhere");

            String chatOnly = node.createKey(EnumSet.of(Scope.NETWORK));
            var forbidden = node.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/api/v1/events"))
                    .header("Authorization", "Bearer " + chatOnly).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"server\":\"lobby-1\",\"events\":[]}")).build());
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.body()).contains("events");
        }
    }
}
