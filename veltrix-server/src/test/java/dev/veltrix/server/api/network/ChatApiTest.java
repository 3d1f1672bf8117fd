package dev.veltrix.server.api.network;

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

    @Test
    void playersReportMessagesOnceAndStaffResolveThemAndSpiesSeePrivateChannels() throws Exception {
        try (TestNode node = TestNode.start()) {
            ObjectMapper json = new ObjectMapper();
            List<String> payloads = new CopyOnWriteArrayList<>();
            node.node.bus().subscribe("test", e -> {
                if (e.type().startsWith("chat.")) {
                    payloads.add(e.type() + " " + e.payload());
                }
            });
            UUID griefer = UUID.randomUUID();
            UUID alex = UUID.randomUUID();
            UUID moderator = UUID.randomUUID();
            assertThat(node.put("/api/v1/chat/spies/" + moderator, "{\"on\":true}").statusCode()).isEqualTo(204);
            assertThat(node.get("/api/v1/chat/spies").body()).contains(moderator.toString());
            var dm = node.post("/api/v1/chat/dm:" + alex, "{\"player\":\"" + griefer + "\",\"text\":\"give me your diamonds\"}", null);
            String messageId = json.readTree(dm.body()).get("id").asText();

            var report = node.post("/api/v1/chat/reports", "{\"reporter\":\"" + alex + "\",\"message\":\"" + messageId
                    + "\",\"reason\":\"scam\"}", null);
            assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
            String reportId = json.readTree(report.body()).get("id").asText();
            var twice = node.post("/api/v1/chat/reports", "{\"reporter\":\"" + alex + "\",\"message\":\"" + messageId
                    + "\",\"reason\":\"scam again\"}", null);
            assertThat(json.readTree(twice.body()).get("id").asText()).isEqualTo(reportId);
            assertThat(node.post("/api/v1/chat/reports", "{\"reporter\":\"" + griefer + "\",\"message\":\"" + messageId
                    + "\",\"reason\":\"x\"}", null).statusCode()).isEqualTo(422);

            JsonNode open = json.readTree(node.get("/api/v1/chat/reports").body()).get("items");
            assertThat(open).hasSize(1);
            assertThat(open.get(0).get("text").asText()).isEqualTo("give me your diamonds");
            assertThat(open.get(0).get("reported").asText()).isEqualTo(griefer.toString());
            var resolved = node.post("/api/v1/chat/reports/" + reportId + "/resolve", "{\"by\":\"Mod_Kim\",\"resolution\":\"muted 60 minutes\"}", null);
            assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
            assertThat(node.post("/api/v1/chat/reports/" + reportId + "/resolve", "{\"by\":\"Mod_Kim\",\"resolution\":\"again\"}", null)
                    .statusCode()).isEqualTo(409);
            assertThat(json.readTree(node.get("/api/v1/chat/reports").body()).get("items")).isEmpty();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (payloads.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(payloads).anySatisfy(p -> assertThat(p).startsWith("chat.posted").contains("\"spies\":[\"" + moderator + "\"]"));
            assertThat(payloads).anySatisfy(p -> assertThat(p).startsWith("chat.reported").contains(reportId));
        }
    }
}
