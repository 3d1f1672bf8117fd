package dev.veltrix.server.api.battlepass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import dev.veltrix.sdk.VeltrixClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A season end to end: game events sent to /api/v1/events become XP, the player claims a reward, every bad request says why. */
class BattlePassApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gameEventsBecomeXpAndARewardIsClaimedOnce() throws Exception {
        try (TestNode node = TestNode.start()) {
            node.createCoins();
            Instant now = Instant.now();
            String season = "{\"name\":\"Frost\",\"startsAt\":\"" + now.minusSeconds(3_600) + "\",\"endsAt\":\"" + now.plusSeconds(86_400)
                    + "\",\"tiers\":{\"kind\":\"linear\",\"base\":30,\"step\":30,\"count\":5},\"rewards\":[{\"tier\":1,\"track\":\"free\","
                    + "\"currency\":\"coins\",\"amount\":40},{\"tier\":1,\"track\":\"premium\",\"cosmetic\":\"ice-wings\"}],"
                    + "\"sources\":{\"mob.killed\":{\"xp\":10,\"dailyCap\":0}}}";
            var created = node.put("/api/v1/battlepass/seasons/frost", season);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var overlap = node.put("/api/v1/battlepass/seasons/frost-2", season);
            assertThat(overlap.statusCode()).isEqualTo(409);
            assertThat(overlap.body()).contains("overlaps season frost");
            var bad = node.put("/api/v1/battlepass/seasons/bad", "{\"name\":\"x\",\"startsAt\":\"soon\",\"tiers\":{\"kind\":\"cubic\"}}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("tiers.kind", "startsAt", "endsAt");

            assertThat(node.post("/api/v1/servers", "{\"name\":\"s1\",\"group\":\"survival\",\"address\":\"10.0.0.6:25565\",\"capacity\":10}", null)
                    .statusCode()).isEqualTo(201);
            UUID eve = UUID.randomUUID();
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                events.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"type\":\"mob.killed\",\"player\":\"")
                        .append(eve).append("\",\"occurredAt\":\"").append(now).append("\",\"data\":{\"mob\":\"zombie\"}}");
            }
            var sent = node.post("/api/v1/events", "{\"server\":\"s1\",\"events\":[" + events + "]}", null);
            assertThat(sent.statusCode()).as(sent.body()).isIn(200, 201, 202);

            String progressPath = "/api/v1/battlepass/seasons/frost/players/" + eve;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonNode progress = JSON.readTree(node.get(progressPath).body());
            while (progress.get("xp").asLong() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                progress = JSON.readTree(node.get(progressPath).body());
            }
            assertThat(progress.get("xp").asLong()).isEqualTo(40);
            assertThat(progress.get("tier").asInt()).isEqualTo(1);
            assertThat(progress.get("nextTierXp").asLong()).isEqualTo(60);
            assertThat(JSON.readTree(node.get(progressPath + "/xp").body()).get("items")).hasSize(4);

            var claim = node.post(progressPath + "/claims", "{\"tier\":1,\"track\":\"free\"}", null);
            assertThat(claim.statusCode()).as(claim.body()).isEqualTo(200);
            assertThat(node.post(progressPath + "/claims", "{\"tier\":1,\"track\":\"free\"}", null).statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(node.get("/api/v1/accounts/player:" + eve + "/balances").body()).toString()).contains("40");
            var premium = node.post(progressPath + "/claims", "{\"tier\":1,\"track\":\"premium\"}", null);
            assertThat(premium.statusCode()).isEqualTo(422);
            assertThat(premium.body()).contains("premium");
            // Premium bought in the store: the purchase's delivery unlocks the track.
            assertThat(node.put("/api/v1/store/categories/passes", "{\"name\":\"Passes\"}").statusCode()).isEqualTo(200);
            var pkg = node.put("/api/v1/store/packages/frost-pass", "{\"category\":\"passes\",\"name\":\"Frost pass\",\"currency\":\"coins\","
                    + "\"price\":30,\"deliverables\":[{\"type\":\"pass_premium\",\"season\":\"frost\"}]}");
            assertThat(pkg.statusCode()).as(pkg.body()).isEqualTo(200);
            assertThat(node.put("/api/v1/players/" + eve + "/session", "{\"server\":\"s1\",\"name\":\"Evelyn\"}").statusCode()).isEqualTo(200);
            var bought = node.post("/api/v1/store/orders", "{\"playerName\":\"Evelyn\",\"lines\":[{\"package\":\"frost-pass\"}],"
                    + "\"rail\":\"game\"}", "pass-1");
            assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!JSON.readTree(node.get(progressPath).body()).get("premium").asBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(JSON.readTree(node.post(progressPath + "/claims", "{\"tier\":1,\"track\":\"premium\"}", null).body()).get("claimed").toString())
                    .contains("1:free", "1:premium");
            assertThat(node.post(progressPath + "/claims", "{\"tier\":4,\"track\":\"free\"}", null).statusCode()).isEqualTo(422);
            assertThat(node.post(progressPath + "/claims", "{\"tier\":\"one\"}", null).statusCode()).isEqualTo(400);
            assertThat(node.get("/api/v1/battlepass/seasons/none/players/" + eve).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aSeasonIsRedefinedUntilItStartsAndItsArchiveIsReadOnlyOnceItEnded() throws Exception {
        try (TestNode node = TestNode.start()) {
            Instant start = Instant.now().plusSeconds(86_400 * 10);
            String season = "{\"name\":\"Bloom\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(86_400)
                    + "\",\"tiers\":{\"kind\":\"table\",\"xp\":[10,30,60]},\"sources\":{\"crop.harvested\":{\"xp\":2}}}";
            assertThat(node.put("/api/v1/battlepass/seasons/bloom", season).statusCode()).isEqualTo(201);
            var redefined = node.put("/api/v1/battlepass/seasons/bloom", season.replace("Bloom", "Full bloom"));
            assertThat(redefined.statusCode()).as(redefined.body()).isEqualTo(200);
            assertThat(JSON.readTree(node.get("/api/v1/battlepass/seasons/bloom").body()).get("name").asText()).isEqualTo("Full bloom");
            var archive = node.get("/api/v1/battlepass/seasons/bloom/archive");
            assertThat(archive.statusCode()).isEqualTo(422);
            assertThat(archive.body()).contains("not archived yet");
            assertThat(node.get("/api/v1/battlepass/seasons/none/archive").statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(node.get("/api/v1/battlepass/players/" + UUID.randomUUID() + "/archive").body()).get("items")).isEmpty();
            assertThat(node.get("/api/v1/battlepass/players/not-a-uuid/archive").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aTiersCommandAndItemReachThePlayersServerThroughTheDeliveryQueueOnce() throws Exception {
        try (TestNode node = TestNode.start();
             VeltrixClient server = VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key).retries(2, Duration.ofMillis(50)))) {
            Instant now = Instant.now();
            String season = "{\"name\":\"Thaw\",\"startsAt\":\"" + now.minusSeconds(3_600) + "\",\"endsAt\":\"" + now.plusSeconds(86_400)
                    + "\",\"tiers\":{\"kind\":\"linear\",\"base\":20,\"step\":20,\"count\":3},\"autoClaim\":true,\"rewards\":["
                    + "{\"tier\":1,\"track\":\"free\",\"command\":\"/give {player} diamond {tier}\"},"
                    + "{\"tier\":1,\"track\":\"premium\",\"item\":\"hytale:frost_gem\",\"count\":2,\"group\":\"survival\"}],"
                    + "\"sources\":{\"mob.killed\":{\"xp\":10}}}";
            var unknown = node.put("/api/v1/battlepass/seasons/bad", season.replace("{tier}", "{order}").replace("hytale:frost_gem", "Frost Gem"));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("unknown placeholder {order}", "rewards[1].item");
            assertThat(node.put("/api/v1/battlepass/seasons/thaw", season).statusCode()).isEqualTo(201);
            assertThat(node.post("/api/v1/servers", "{\"name\":\"s1\",\"group\":\"survival\",\"address\":\"10.0.0.6:25565\",\"capacity\":10}", null)
                    .statusCode()).isEqualTo(201);
            UUID fay = UUID.randomUUID();
            assertThat(node.put("/api/v1/players/" + fay + "/session", "{\"server\":\"s1\",\"name\":\"Fay\"}").statusCode()).isEqualTo(200);
            assertThat(node.put("/api/v1/battlepass/seasons/thaw/players/" + fay + "/premium", "{}").statusCode()).isEqualTo(200);

            List<String> handed = new CopyOnWriteArrayList<>();
            var deliveries = server.store().deliveries("s1", d -> handed.add(d.isItem() ? d.count() + " x " + d.item() : d.command()));
            try (var stream = server.stream(deliveries::accept)) {
                stream.connected().get(20, TimeUnit.SECONDS);
                // Reaching tier 1 claims both rewards (the season auto-claims); a re-sent event changes nothing.
                String kill = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"mob.killed\",\"player\":\"" + fay + "\",\"occurredAt\":\"" + now
                        + "\",\"data\":{}}";
                String second = kill.replaceFirst("[0-9a-f-]{36}", UUID.randomUUID().toString());
                for (String events : List.of(kill + "," + second, second)) {
                    assertThat(node.post("/api/v1/events", "{\"server\":\"s1\",\"events\":[" + events + "]}", null).statusCode()).isIn(200, 202);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (handed.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(handed).containsExactlyInAnyOrder("give Fay diamond 1", "2 x hytale:frost_gem");
                while (!JSON.readTree(node.get("/api/v1/store/deliveries?server=s1").body()).get("items").isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(JSON.readTree(node.get("/api/v1/store/deliveries?server=s1").body()).get("items")).as("all acknowledged").isEmpty();
                assertThat(JSON.readTree(node.post("/api/v1/battlepass/seasons/thaw/players/" + fay + "/claims", "{\"tier\":1,\"track\":\"free\"}",
                        null).body()).get("claimed").toString()).contains("1:free", "1:premium");
                Thread.sleep(300);
                assertThat(handed).as("claiming again delivers nothing more").hasSize(2);
            }
        }
    }
}
