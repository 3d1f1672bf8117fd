package dev.veltrix.server.api.hunts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.sdk.StreamEvent;
import dev.veltrix.sdk.VeltrixClient;
import dev.veltrix.server.TestNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A hunt over HTTP: defined by the operator, finds reported by a game server, announced on the stream, shown publicly. */
class HuntsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsAreRankedAnnouncedAndShownAndBadOnesSayWhatIsWrong() throws Exception {
        try (TestNode node = TestNode.start();
             VeltrixClient server = VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key).retries(2, Duration.ofMillis(50)))) {
            node.createCoins();
            Instant now = Instant.now();
            String hunt = "{\"name\":\"Spring hunt\",\"startsAt\":\"" + now.minusSeconds(60) + "\",\"endsAt\":\"" + now.plusSeconds(3_600)
                    + "\",\"treasures\":[{\"id\":\"egg\",\"clue\":\"Under the old oak\",\"world\":\"world\",\"x\":10,\"y\":70,\"z\":10,"
                    + "\"radius\":4,\"winners\":1,\"reward\":{\"currency\":\"coins\",\"amount\":250}}]}";
            var created = node.put("/api/v1/hunts/spring", hunt);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var running = node.put("/api/v1/hunts/spring", hunt);
            assertThat(running.statusCode()).isEqualTo(409);
            assertThat(running.body()).contains("started at");
            String later = hunt.replace(now.minusSeconds(60).toString(), now.plusSeconds(86_400).toString())
                    .replace(now.plusSeconds(3_600).toString(), now.plusSeconds(90_000).toString());
            assertThat(node.put("/api/v1/hunts/summer", later).statusCode()).isEqualTo(201);
            var redefined = node.put("/api/v1/hunts/summer", later.replace("Under the old oak", "Under the young oak"));
            assertThat(redefined.statusCode()).as(redefined.body()).isEqualTo(200);
            assertThat(redefined.body()).contains("Under the young oak");
            var bad = node.put("/api/v1/hunts/broken", "{\"name\":\"\",\"startsAt\":\"tomorrow\",\"treasures\":[]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("startsAt", "endsAt");

            assertThat(node.post("/api/v1/servers", "{\"name\":\"hub\",\"group\":\"lobby\",\"address\":\"10.0.0.5:25565\",\"capacity\":10}", null)
                    .statusCode()).isEqualTo(201);
            UUID max = UUID.randomUUID();
            assertThat(node.put("/api/v1/players/" + max + "/session", "{\"server\":\"hub\",\"name\":\"MaxPower\"}").statusCode()).isEqualTo(200);

            List<StreamEvent> received = new CopyOnWriteArrayList<>();
            try (var stream = server.stream(received::add)) {
                stream.connected().get(20, TimeUnit.SECONDS);
                var far = node.post("/api/v1/hunts/spring/finds", "{\"player\":\"" + max + "\",\"treasure\":\"egg\",\"world\":\"world\",\"x\":40,"
                        + "\"y\":70,\"z\":10}", null);
                assertThat(far.statusCode()).isEqualTo(422);
                assertThat(far.body()).contains("within 4.0 blocks", "30.0 blocks away");
                assertThat(node.post("/api/v1/hunts/spring/finds", "{\"player\":\"" + max + "\",\"treasure\":\"egg\",\"world\":\"world\"}", null)
                        .statusCode()).isEqualTo(400);
                assertThat(node.post("/api/v1/hunts/autumn/finds", "{\"player\":\"" + max + "\",\"treasure\":\"egg\",\"item\":\"x\"}", null)
                        .statusCode()).isEqualTo(404);

                var found = node.post("/api/v1/hunts/spring/finds", "{\"player\":\"" + max + "\",\"treasure\":\"egg\",\"world\":\"world\","
                        + "\"x\":11,\"y\":70,\"z\":12}", null);
                assertThat(found.statusCode()).as(found.body()).isEqualTo(201);
                JsonNode find = JSON.readTree(found.body());
                assertThat(find.get("rank").asInt()).isEqualTo(1);
                assertThat(find.get("winner").asBoolean()).isTrue();
                assertThat(find.get("finishedRank").asInt()).isEqualTo(1);
                var again = node.post("/api/v1/hunts/spring/finds", "{\"player\":\"" + max + "\",\"treasure\":\"egg\",\"world\":\"world\","
                        + "\"x\":11,\"y\":70,\"z\":12}", null);
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(again.body()).get("repeat").asBoolean()).isTrue();

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (received.stream().noneMatch(e -> e.type().equals("hunt.finished")) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(received).anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("hunt.found");
                    assertThat(e.payload()).containsEntry("player", max.toString()).containsEntry("winner", true);
                });
                assertThat(received).anyMatch(e -> e.type().equals("hunt.finished"));
            }
            assertThat(JSON.readTree(node.get("/api/v1/accounts/player:" + max + "/balances").body()).toString()).contains("250");
            assertThat(JSON.readTree(node.get("/api/v1/hunts/spring/timeline").body()).get("items").findValuesAsText("kind"))
                    .containsExactly("created", "found", "finished", "rewarded");
            var page = node.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl + "/hunts/spring")).GET().build());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Spring hunt", "Under the old oak", "MaxPower").doesNotContain("\"x\"");
        }
    }
}
