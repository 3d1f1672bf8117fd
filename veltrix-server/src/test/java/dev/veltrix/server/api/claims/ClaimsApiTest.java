package dev.veltrix.server.api.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Claims as a game server uses them over HTTP. */
class ClaimsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        assertThat(node.put("/api/v1/claims/worlds/world", "{}").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String claim(UUID owner, int x1, int z1, int x2, int z2) {
        return "{\"world\":\"world\",\"owner\":\"" + owner + "\",\"x1\":" + x1 + ",\"z1\":" + z1 + ",\"x2\":" + x2 + ",\"z2\":" + z2 + "}";
    }

    @Test
    void aPlayerClaimsTrustsAFriendAndTheCheckSaysSo() throws Exception {
        UUID steve = UUID.randomUUID();
        UUID alex = UUID.randomUUID();
        var created = node.post("/api/v1/claims", claim(steve, 109, 109, 100, 100), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();

        String check = "{\"player\":\"" + alex + "\",\"action\":\"BUILD\",\"world\":\"world\",\"x\":105,\"y\":64,\"z\":105}";
        assertThat(JSON.readTree(node.post("/api/v1/claims/check", check, null).body()).get("allowed").asBoolean()).isFalse();
        var trusted = node.put("/api/v1/claims/" + id + "/trust/player:" + alex, "{\"trust\":\"BUILD\"}");
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
        assertThat(JSON.readTree(node.post("/api/v1/claims/check", check, null).body()).get("allowed").asBoolean()).isTrue();

        assertThat(node.put("/api/v1/claims/" + id + "/flags/pvp", "{\"value\":true}").statusCode()).isEqualTo(200);
        JsonNode at = JSON.readTree(node.get("/api/v1/claims/at?world=world&x=100&y=-64&z=109").body());
        assertThat(at.get("id").asText()).isEqualTo(id);
        assertThat(at.at("/flags/PVP").asBoolean()).isTrue();

        JsonNode mine = JSON.readTree(node.get("/api/v1/players/" + steve + "/claims").body());
        assertThat(mine.get("claims")).hasSize(1);
        assertThat(mine.get("available").asLong()).as("100 initial blocks, a 10 x 10 claim").isZero();
        assertThat(node.delete("/api/v1/claims/" + id).statusCode()).isEqualTo(204);
        assertThat(node.get("/api/v1/claims/at?world=world&x=105&y=64&z=105").body()).contains("\"claim\":false");
    }

    @Test
    void blocksAreEarnedByPlayOnceAndBoughtThroughTheLedger() throws Exception {
        node.createCoinsIfAbsent();
        UUID player = UUID.randomUUID();
        String activity = "/api/v1/players/" + player + "/claim-blocks/activity";
        assertThat(node.post(activity, "{\"minutes\":30}", "report-1").statusCode()).isEqualTo(200);
        JsonNode blocks = JSON.readTree(node.post(activity, "{\"minutes\":30}", "report-1").body());
        assertThat(blocks.get("accrued").asLong()).as("the same report counts once: 30 min × 100/h").isEqualTo(50);
        blocks = JSON.readTree(node.post(activity, "{\"minutes\":90}", "report-2").body());
        assertThat(blocks.get("accrued").asLong()).isEqualTo(200);

        String purchase = "/api/v1/players/" + player + "/claim-blocks/purchase";
        assertThat(node.post(purchase, "{\"blocks\":50}", "buy-1").statusCode()).as("no coins yet").isEqualTo(422);
        node.fund(player, 1_000);
        var bought = node.post(purchase, "{\"blocks\":50}", "buy-2");
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
        assertThat(node.post(purchase, "{\"blocks\":50}", "buy-2").statusCode()).as("a retry").isEqualTo(201);
        JsonNode mine = JSON.readTree(node.get("/api/v1/players/" + player + "/claims").body());
        assertThat(mine.at("/blocks/bonus").asLong()).as("bought once").isEqualTo(50);
        assertThat(mine.get("available").asLong()).isEqualTo(100 + 200 + 50);
        JsonNode coins = JSON.readTree(node.get("/api/v1/accounts/player:" + player + "/balances").body());
        assertThat(coins.at("/balances/0/amount").asLong()).as("50 blocks at 10 coins, charged once").isEqualTo(500);
        assertThat(node.post(activity, "{\"minutes\":0}", "report-3").statusCode()).isEqualTo(400);
    }

    @Test
    void deniedActionsAreLoggedAndAggregatedByProberAndOwner() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID griefer = UUID.randomUUID();
        assertThat(node.post("/api/v1/claims", claim(owner, 3000, 3000, 3009, 3009), null).statusCode()).isEqualTo(201);
        String attempt = "{\"player\":\"" + griefer + "\",\"action\":\"BUILD\",\"world\":\"world\",\"x\":3005,\"y\":64,\"z\":3005}";
        var reported = node.post("/api/v1/claims/incidents", "{\"incidents\":[" + attempt + "," + attempt + "," + attempt + "]}", null);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode probers = JSON.readTree(node.get("/api/v1/claims/incidents").body()).get("probers");
        JsonNode mine = null;
        for (JsonNode p : probers) {
            mine = p.get("player").asText().equals(griefer.toString()) ? p : mine;
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("owner").asText()).isEqualTo(owner.toString());
        assertThat(mine.get("attempts").asLong()).isEqualTo(3);
        assertThat(node.get("/metrics").body()).contains("veltrix_claims_denied_total{action=\"BUILD\"");
        var bad = node.post("/api/v1/claims/incidents", "{\"incidents\":[{\"player\":\"" + griefer
                + "\",\"action\":\"FLY\",\"world\":\"world\",\"x\":1,\"y\":1,\"z\":1}]}", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("incidents[0].action");
    }

    @Test
    void expiryIsVisibleAheadAndTheArchiveAnswers() throws Exception {
        assertThat(node.post("/api/v1/claims", claim(UUID.randomUUID(), 7000, 7000, 7009, 7009), null).statusCode()).isEqualTo(201);
        var soon = node.get("/api/v1/claims/expiring?days=90");
        assertThat(soon.statusCode()).as(soon.body()).isEqualTo(200);
        assertThat(JSON.readTree(soon.body()).get("owners").size()).as("claims made today expire in 60 days").isPositive();
        assertThat(JSON.readTree(node.get("/api/v1/claims/expiring").body()).get("owners")).isEmpty();
        assertThat(node.get("/api/v1/claims/archive").statusCode()).isEqualTo(200);
        assertThat(node.post("/api/v1/claims/archive/" + UUID.randomUUID() + "/restore", "", null).statusCode()).isEqualTo(404);

        String id = JSON.readTree(node.post("/api/v1/claims", claim(UUID.randomUUID(), 7100, 7100, 7109, 7109), null).body())
                .get("id").asText();
        assertThat(node.delete("/api/v1/claims/" + id + "?archive=true").statusCode()).isEqualTo(204);
        assertThat(node.get("/api/v1/claims/" + id).statusCode()).isEqualTo(404);
        assertThat(node.get("/api/v1/claims/archive").body()).contains(id);
        assertThat(node.post("/api/v1/claims/archive/" + id + "/restore", "", null).statusCode()).isEqualTo(201);
        assertThat(node.get("/api/v1/claims/" + id).statusCode()).isEqualTo(200);
        assertThat(node.get("/api/v1/claims/expiring?days=x").statusCode()).isEqualTo(400);
    }

    @Test
    void badClaimsAre4xxThatSayWhatToFix() throws Exception {
        UUID owner = UUID.randomUUID();
        assertThat(node.post("/api/v1/claims", claim(owner, 5000, 5000, 5009, 5009), null).statusCode()).isEqualTo(201);
        var overlap = node.post("/api/v1/claims", claim(UUID.randomUUID(), 5005, 5005, 5014, 5014), null);
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.body()).contains("claim-overlap").contains("player " + owner);

        var tooSmall = node.post("/api/v1/claims", claim(UUID.randomUUID(), 0, 0, 2, 2), null);
        assertThat(tooSmall.statusCode()).isEqualTo(400);
        assertThat(tooSmall.body()).contains("at least 5 blocks wide");
        var tooBig = node.post("/api/v1/claims", claim(UUID.randomUUID(), 8000, 8000, 8099, 8099), null);
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(tooBig.body()).contains("not-enough-claim-blocks");
        var outside = node.post("/api/v1/claims", claim(UUID.randomUUID(), 29_999_999, 0, 30_000_010, 20), null);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(node.post("/api/v1/claims", "{\"world\":\"mars\",\"x1\":0,\"z1\":0,\"x2\":9,\"z2\":9}", null).statusCode()).isEqualTo(404);
        var missing = node.post("/api/v1/claims", "{\"world\":\"world\",\"x1\":0}", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("z1", "x2", "z2");
        assertThat(node.put("/api/v1/claims/" + UUID.randomUUID() + "/trust/nobody", "{\"trust\":\"BUILD\"}").statusCode()).isIn(400, 404);
        assertThat(node.get("/api/v1/claims/at?world=world&x=a&y=1&z=1").statusCode()).isEqualTo(400);
    }
}
