package dev.veltrix.server.api.network;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A chat message posted by one game server reaches the others over the stream, and the history keeps it. */
class ChatApiTest {

    @Test
    void aMessageFansOutOverTheStreamAndStaysInTheHistory() throws Exception {
        try (TestNode node = TestNode.start();
             VeltrixClient other = VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key).retries(2, Duration.ofMillis(50)))) {
            List<StreamEvent> received = new CopyOnWriteArrayList<>();
            try (var stream = other.stream(received::add)) {
                stream.connected().get(20, TimeUnit.SECONDS);
                UUID steve = UUID.randomUUID();
                var posted = node.post("/api/v1/chat/global", "{\"player\":\"" + steve + "\",\"text\":\"gg everyone\"}", null);
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (received.stream().noneMatch(e -> e.type().equals("chat.posted")) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                StreamEvent chat = received.stream().filter(e -> e.type().equals("chat.posted")).findFirst().orElseThrow();
                assertThat(chat.payload()).containsEntry("channel", "global").containsEntry("text", "gg everyone")
                        .containsEntry("sender", steve.toString());

                var history = new ObjectMapper().readTree(node.get("/api/v1/chat/global?limit=10").body()).get("items");
                assertThat(history.get(0).get("text").asText()).isEqualTo("gg everyone");

                assertThat(node.put("/api/v1/chat/mutes/" + steve, "{\"minutes\":10,\"reason\":\"caps\"}").statusCode()).isEqualTo(204);
                var muted = node.post("/api/v1/chat/global", "{\"player\":\"" + steve + "\",\"text\":\"hi\"}", null);
                assertThat(muted.statusCode()).isEqualTo(422);
                assertThat(muted.body()).contains("muted");
                assertThat(node.post("/api/v1/chat/somewhere", "{\"player\":\"" + UUID.randomUUID() + "\",\"text\":\"x\"}", null)
                        .statusCode()).isEqualTo(400);
            }
        }
    }
}
