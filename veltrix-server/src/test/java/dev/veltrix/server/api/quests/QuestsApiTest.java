package dev.veltrix.server.api.quests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.sdk.Quests;
import dev.veltrix.sdk.VeltrixClient;
import dev.veltrix.server.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Quest content end to end: a broken file is refused with every problem, the example content is saved and published,
 * a game server gets a player's board through the SDK, game events complete a quest and its reward is paid.
 */
class QuestsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void contentGoesLiveAndGameEventsCompleteAPlayersQuest() throws Exception {
        try (TestNode node = TestNode.start();
             VeltrixClient server = VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key).retries(2, Duration.ofMillis(50)))) {
            node.createCoins();
            String broken = """
                    nodes:
                      - {id: wolf, type: dragon, name: Wolf}
                      - {id: hunt, type: quest, name: Hunt}
                    edges:
                      - {from: hunt, type: has, to: kill-wolves}
                    """;
            var refused = node.put("/api/v1/quests/content/draft", broken);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("nodes[0].type", "unknown node type", "dragon");
            var checked = node.post("/api/v1/quests/content/validate", broken.replace("dragon", "mob"), null);
            assertThat(checked.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(checked.body()).get("problems").toString()).contains("edges[0].to", "no node kill-wolves",
                    "the quest has no objective");
            assertThat(node.post("/api/v1/quests/content/publish", "{}", null).statusCode()).isEqualTo(409);

            String valley = Files.readString(Path.of("../docs/quests-example.yaml"));
            var saved = node.put("/api/v1/quests/content/draft", valley);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(JSON.readTree(saved.body()).get("state").asText()).isEqualTo("draft");
            var published = node.post("/api/v1/quests/content/publish", "{}", null);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            var exported = node.get("/api/v1/quests/content");
            assertThat(exported.headers().firstValue("content-type").orElse("")).startsWith("application/yaml");
            assertThat(exported.body()).contains("\"wolf-hunt\"", "repeatWindowDays");

            var preview = node.post("/api/v1/quests/preview", "{\"level\":6,\"region\":\"forest\",\"completed\":{\"intro\":\"2026-11-01\"},"
                    + "\"board\":\"daily\"}", null);
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            assertThat(JSON.readTree(preview.body()).get("items").toString()).contains("wolf-hunt");
            assertThat(node.post("/api/v1/quests/preview", "{\"level\":0}", null).statusCode()).isEqualTo(400);

            assertThat(node.post("/api/v1/servers", "{\"name\":\"s1\",\"group\":\"survival\",\"address\":\"10.0.0.6:25565\",\"capacity\":10}", null)
                    .statusCode()).isEqualTo(201);
            UUID kai = UUID.randomUUID();
            List<Quests.Quest> board = server.quests().board(kai, 1, "meadow", "daily");
            assertThat(board).extracting(Quests.Quest::quest).containsExactlyInAnyOrder("intro", "ore-run");
            assertThat(server.quests().board(kai, 1, "meadow", "daily")).as("the same board again").isEqualTo(board);

            String talk = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"npc.talked\",\"player\":\"" + kai + "\",\"occurredAt\":\""
                    + Instant.now().plusSeconds(1) + "\",\"data\":{\"npc\":\"hunter\"}}";
            assertThat(node.post("/api/v1/events", "{\"server\":\"s1\",\"events\":[" + talk + "]}", null).statusCode()).isIn(200, 202);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.quests().log(kai).stream().noneMatch(Quests.Quest::completed) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Quests.Quest intro = server.quests().log(kai).stream().filter(q -> q.quest().equals("intro")).findFirst().orElseThrow();
            assertThat(intro.state()).isEqualTo("completed");
            assertThat(intro.objectives()).singleElement().satisfies(o -> assertThat(o.done()).isEqualTo(o.count()));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // Read the coins balance itself: the reply also names the account, whose UUID may contain "50".
            JsonNode balances = JSON.readTree(node.get("/api/v1/accounts/player:" + kai + "/balances").body());
            while (coins(balances) != 50 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                balances = JSON.readTree(node.get("/api/v1/accounts/player:" + kai + "/balances").body());
            }
            assertThat(coins(balances)).as(balances.toString()).isEqualTo(50);
            assertThat(node.post("/api/v1/quests/players/not-a-player/board", "{\"level\":1}", null).statusCode()).isEqualTo(400);
        }
    }

    /** The coins balance in a balances reply, or -1 when it lists none. */
    private static long coins(JsonNode reply) {
        for (JsonNode balance : reply.get("balances")) {
            if (balance.get("currency").asText().equals("coins")) {
                return balance.get("amount").asLong();
            }
        }
        return -1;
    }
}
