package dev.veltrix.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger API as a game server meets it: over HTTP, against a real node. */
class LedgerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.createCoins();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String player() {
        return "player:" + UUID.randomUUID();
    }

    private static String transfer(String from, String to, long amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"currency\":\"coins\",\"amount\":" + amount + "}";
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static long balance(String account) {
        for (JsonNode b : json(node.get("/api/v1/accounts/" + account + "/balances")).get("balances")) {
            if (b.get("currency").asText().equals("coins")) {
                return b.get("amount").asLong();
            }
        }
        return 0;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asText()).isEqualTo("urn:veltrix:problem:" + type);
        assertThat(json(response).get("detail").asText()).isNotBlank();
    }

    @Test
    void postsATransferAndARetryReturnsTheSameTransferWithoutMovingMoneyAgain() {
        String alice = player();
        var first = node.post("/api/v1/transfers", transfer("system:issuance", alice, 250), "grant-" + alice);
        var retry = node.post("/api/v1/transfers", transfer("system:issuance", alice, 250), "grant-" + alice);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(balance(alice)).isEqualTo(250);
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflict() {
        String alice = player();
        node.post("/api/v1/transfers", transfer("system:issuance", alice, 10), "conflict-" + alice);
        var clash = node.post("/api/v1/transfers", transfer("system:issuance", alice, 11), "conflict-" + alice);
        assertProblem(clash, 409, "idempotency-key-reused");
        assertThat(balance(alice)).isEqualTo(10);
    }

    @Test
    void anOverdraftIsRefusedWith422AndNothingMoves() {
        String alice = player();
        String bob = player();
        node.post("/api/v1/transfers", transfer("system:issuance", alice, 5), UUID.randomUUID().toString());
        assertProblem(node.post("/api/v1/transfers", transfer(alice, bob, 6), UUID.randomUUID().toString()),
                422, "insufficient-funds");
        assertThat(balance(alice)).isEqualTo(5);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void badInputGets400WithEveryFieldAtFaultAndChangesNothing() {
        String alice = player();
        var response = node.post("/api/v1/transfers",
                "{\"from\":\"player:not-a-uuid\",\"to\":\"bank\",\"currency\":\"coins\"}", UUID.randomUUID().toString());
        assertProblem(response, 400, "invalid-input");
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "to", "amount");

        assertProblem(node.post("/api/v1/transfers", transfer("system:issuance", alice, 0), "zero"), 400, "invalid-input");
        assertProblem(node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"" + alice
                + "\",\"currency\":\"coins\",\"amount\":12.5}", "frac"), 400, "invalid-input");
        assertProblem(node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"" + alice
                + "\",\"currency\":\"coins\",\"amount\":99999999999999999999}", "huge"), 400, "invalid-input");
        assertProblem(node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"" + alice
                + "\",\"currency\":\"coins\",\"amount\":\"5\"}", "text"), 400, "invalid-input");
        assertProblem(node.post("/api/v1/transfers", transfer("system:issuance", alice, 5).replace("coins", "gold"), "gold"),
                400, "invalid-input");
        assertProblem(node.post("/api/v1/transfers", "{\"from\":", "broken"), 400, "invalid-input");
        assertProblem(node.post("/api/v1/transfers", transfer("system:issuance", alice, 5), null), 400, "invalid-input");
        assertThat(balance(alice)).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String padding = "x".repeat(70_000);
        var response = node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"" + player()
                + "\",\"currency\":\"coins\",\"amount\":1,\"reference\":\"" + padding + "\"}", "big");
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void aBatchPostsAllLegsOrNone() {
        String alice = player();
        String bob = player();
        var refused = node.post("/api/v1/transfers/batch", "{\"transfers\":[" + transfer("system:issuance", alice, 50)
                + "," + transfer(bob, alice, 1) + "]}", UUID.randomUUID().toString());
        assertProblem(refused, 422, "insufficient-funds");
        assertThat(balance(alice)).isZero();

        var posted = node.post("/api/v1/transfers/batch", "{\"transfers\":[" + transfer("system:issuance", alice, 50)
                + "," + transfer(alice, bob, 20) + "]}", UUID.randomUUID().toString());
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(json(posted).get("transfers")).hasSize(2);
        assertThat(balance(alice)).isEqualTo(30);
        assertThat(balance(bob)).isEqualTo(20);
    }

    @Test
    void historyPagesWithACursorAndTheRichestAndSupplyAreReported() {
        String alice = player();
        for (int i = 1; i <= 3; i++) {
            node.post("/api/v1/transfers", transfer("system:issuance", alice, 1_000_000L * i), UUID.randomUUID().toString());
        }
        JsonNode first = json(node.get("/api/v1/accounts/" + alice + "/transfers?limit=2"));
        assertThat(first.get("items").findValuesAsText("amount")).containsExactly("3000000", "2000000");
        JsonNode second = json(node.get("/api/v1/accounts/" + alice + "/transfers?limit=2&cursor="
                + first.get("nextCursor").asText()));
        assertThat(second.get("items").findValuesAsText("amount")).containsExactly("1000000");
        assertThat(second.has("nextCursor")).isFalse();
        // A cursor is only good for the account it came from: another account's gets a 400, not alice's transfers.
        String bob = player();
        node.post("/api/v1/transfers", transfer("system:issuance", bob, 5), UUID.randomUUID().toString());
        HttpResponse<String> foreign = node.get("/api/v1/accounts/" + bob + "/transfers?limit=2&cursor=" + first.get("nextCursor").asText());
        assertProblem(foreign, 400, "invalid-input");
        assertThat(foreign.body()).contains("does not belong to " + bob).doesNotContain("1000000");

        JsonNode top = json(node.get("/api/v1/currencies/coins/top?limit=1"));
        assertThat(top.get("players").get(0).get("account").asText()).isEqualTo(alice);
        JsonNode supply = json(node.get("/api/v1/currencies/coins/supply"));
        assertThat(supply.get("playerHeld").asLong() + supply.get("systemNet").asLong()).isZero();

        assertProblem(node.get("/api/v1/currencies/gold/supply"), 404, "not-found");
        assertProblem(node.get("/api/v1/accounts/" + alice + "/transfers?limit=500"), 400, "invalid-input");
        assertProblem(node.get("/api/v1/accounts/bank/balances"), 400, "invalid-input");
    }

    @Test
    void currenciesAreCreatedOnceWithValidatedFields() {
        var created = node.post("/api/v1/currencies", "{\"code\":\"gems\",\"name\":\"Gems\",\"decimals\":2}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertProblem(node.post("/api/v1/currencies", "{\"code\":\"gems\",\"name\":\"Gems\",\"decimals\":2}", null),
                409, "currency-exists");
        var invalid = node.post("/api/v1/currencies", "{\"code\":\"Gems!\",\"decimals\":9}", null);
        assertProblem(invalid, 400, "invalid-input");
        assertThat(json(invalid).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("code", "name", "decimals");
        assertThat(json(node.get("/api/v1/currencies")).get("items").findValuesAsText("code")).contains("coins", "gems");
    }

    @Test
    void requestsWithoutAValidKeyOrScopeAreRefused() {
        var noKey = node.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl + "/api/v1/currencies"))
                .GET().build());
        assertProblem(noKey, 401, "unauthorized");
        var badKey = node.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl + "/api/v1/currencies"))
                .header("Authorization", "Bearer vx_aaaaaaaaaaaa_" + "b".repeat(43)).GET().build());
        assertProblem(badKey, 401, "unauthorized");
        String readOnly = node.createKey(java.util.EnumSet.of(dev.veltrix.server.auth.Scope.ECONOMY_READ));
        var forbidden = node.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl + "/api/v1/transfers"))
                .header("Authorization", "Bearer " + readOnly).header("Idempotency-Key", "x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(transfer("system:issuance", player(), 1))).build());
        assertProblem(forbidden, 403, "forbidden");
        assertProblem(node.get("/api/v1/nothing-here"), 404, "not-found");
    }
}
