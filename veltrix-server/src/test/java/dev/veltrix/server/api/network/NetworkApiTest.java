package dev.veltrix.server.api.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A proxy and its game servers using the registry, presence and routing over HTTP. */
class NetworkApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void serversRegisterHeartbeatAndPlayersAreRoutedAndFound() throws Exception {
        try (TestNode node = TestNode.start()) {
            for (String name : new String[] {"lobby-1", "lobby-2"}) {
                var registered = node.post("/api/v1/servers", "{\"name\":\"" + name + "\",\"group\":\"lobby\",\"address\":\"10.0.0."
                        + name.charAt(6) + ":25565\",\"capacity\":100,\"tags\":[\"eu\"]}", null);
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            }
            assertThat(node.post("/api/v1/servers/lobby-1/heartbeat", "{\"players\":70,\"tps\":19.5,\"memoryMb\":4096}", null)
                    .statusCode()).isEqualTo(204);
            node.post("/api/v1/servers/lobby-2/heartbeat", "{\"players\":20}", null);

            UUID player = UUID.randomUUID();
            JsonNode route = JSON.readTree(node.post("/api/v1/route", "{\"player\":\"" + player + "\"}", null).body());
            assertThat(route.get("server").asText()).isEqualTo("lobby-2");
            assertThat(route.get("address").asText()).isEqualTo("10.0.0.2:25565");
            assertThat(route.get("reason").asText()).contains("least loaded");

            assertThat(node.put("/api/v1/players/" + player + "/session", "{\"server\":\"lobby-2\"}").statusCode()).isEqualTo(200);
            JsonNode presence = JSON.readTree(node.get("/api/v1/players/" + player + "/presence").body());
            assertThat(presence.get("online").asBoolean()).isTrue();
            assertThat(presence.get("group").asText()).isEqualTo("lobby");
            JsonNode servers = JSON.readTree(node.get("/api/v1/servers").body());
            assertThat(servers.at("/playersByGroup/lobby").asInt()).isEqualTo(90);

            node.put("/api/v1/servers/lobby-1/maintenance", "{\"maintenance\":true}");
            node.put("/api/v1/servers/lobby-2/maintenance", "{\"maintenance\":true}");
            var none = node.post("/api/v1/route", "{\"player\":\"" + UUID.randomUUID() + "\"}", null);
            assertThat(none.statusCode()).isEqualTo(503);
            assertThat(none.body()).contains("in maintenance");

            var bad = node.post("/api/v1/servers", "{\"name\":\"x\",\"group\":\"lobby\",\"address\":\"nowhere\",\"capacity\":0}", null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("address", "capacity");
            assertThat(node.post("/api/v1/servers/ghost/heartbeat", "{\"players\":1}", null).statusCode()).isEqualTo(404);
            assertThat(node.post("/api/v1/route", "{\"player\":\"" + player + "\",\"group\":\"skyblock\"}", null).statusCode())
                    .isEqualTo(404);
        }
    }
}
