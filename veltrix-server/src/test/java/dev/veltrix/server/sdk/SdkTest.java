package dev.veltrix.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.veltrix.sdk.InsufficientFundsException;
import dev.veltrix.sdk.TransferSpec;
import dev.veltrix.sdk.VeltrixApiException;
import dev.veltrix.sdk.VeltrixClient;
import dev.veltrix.server.TestNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK against a real server, as a game-server plugin uses it. */
class SdkTest {
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

    private static VeltrixClient client(String baseUrl) {
        return VeltrixClient.create(c -> c.baseUrl(baseUrl).apiKey(node.key).retries(3, Duration.ofMillis(20)));
    }

    @Test
    void aPluginSendsGameEventsThatAreTakenInOnceEvenWhenSentAgain() {
        node.post("/api/v1/servers", "{\"name\":\"sdk-events-1\",\"group\":\"survival\",\"address\":\"10.0.0.7:25565\",\"capacity\":20}", null);
        UUID steve = UUID.randomUUID();
        try (var veltrix = client(node.baseUrl)) {
            var killed = dev.veltrix.sdk.GameEvent.of("mob.killed", steve, java.util.Map.of("mob", "zombie"));
            var mined = dev.veltrix.sdk.GameEvent.of("block.mined", steve, java.util.Map.of("block", "diamond_ore", "y", -54));
            var broken = dev.veltrix.sdk.GameEvent.of("Not A Type", steve, null);
            assertThat(killed.id().version()).as("time-ordered ids").isEqualTo(7);

            var first = veltrix.events().send("sdk-events-1", List.of(killed, mined, broken));
            assertThat(first.accepted()).isEqualTo(2);
            assertThat(first.rejected()).singleElement().satisfies(r -> {
                assertThat(r.index()).isEqualTo(2);
                assertThat(r.field()).isEqualTo("type");
            });
            var again = veltrix.events().send("sdk-events-1", List.of(killed, mined));
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(2);
            assertThatThrownBy(() -> veltrix.events().send("no-such-server", List.of(killed)))
                    .isInstanceOf(VeltrixApiException.class).hasMessageContaining("no-such-server");
        }
    }

    @Test
    void aPluginQuotesBuysSellsAndTradesOnTheExchange() {
        node.put("/api/v1/market/items/apple", "{\"name\":\"Apple\",\"currency\":\"coins\",\"model\":\"DEMAND\","
                + "\"basePrice\":10,\"sensitivity\":0.01,\"spreadBps\":0}");
        node.post("/api/v1/currencies", "{\"code\":\"gems\",\"name\":\"Gems\",\"decimals\":0}", null);
        node.put("/api/v1/exchange/pairs/gems-coins", "{}");
        UUID steve = UUID.randomUUID();
        node.fund(steve, 10_000);
        try (var veltrix = client(node.baseUrl)) {
            var quote = veltrix.market().quote("apple", steve, "BUY", 10);
            assertThat(quote.total()).as("∫[0,10] (10 + 0.1q) dq").isEqualTo(105);
            var bought = veltrix.market().execute(quote);
            assertThat(veltrix.market().execute(quote).id()).as("executing twice trades once").isEqualTo(bought.id());
            assertThat(veltrix.market().price("apple")).isEqualByComparingTo("11");
            var sold = veltrix.market().sell("sell-" + steve, "apple", steve, 10, 100L);
            assertThat(sold.total()).isEqualTo(105);
            assertThat(veltrix.economy().balance(steve, "coins")).isEqualTo(10_000);

            var bid = veltrix.exchange().limit("bid-" + steve, "gems-coins", steve, "BUY", 20, 50);
            assertThat(bid.status()).isEqualTo("OPEN");
            assertThat(veltrix.exchange().bestBid("gems-coins")).isEqualTo(20);
            assertThat(veltrix.economy().balance(steve, "coins")).as("1,000 escrowed").isEqualTo(9_000);
            assertThat(veltrix.exchange().cancel("gems-coins", bid.id(), steve).status()).isEqualTo("CANCELLED");
            assertThat(veltrix.economy().balance(steve, "coins")).isEqualTo(10_000);
            assertThat(veltrix.exchange().bestBid("gems-coins")).isNull();
        }
    }

    @Test
    void movesMoneyAndReadsBalancesWithTypedErrors() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        try (var veltrix = client(node.baseUrl)) {
            var economy = veltrix.economy();
            var grant = economy.transfer("grant-" + alice, new TransferSpec("system:issuance", TransferSpec.player(alice), "coins", 100, "welcome"));
            assertThat(grant.amount()).isEqualTo(100);
            assertThat(grant.reference()).isEqualTo("welcome");

            var legs = economy.batch("trade-" + alice, List.of(
                    new TransferSpec(TransferSpec.player(alice), TransferSpec.player(bob), "coins", 30, null),
                    new TransferSpec(TransferSpec.player(alice), "system:sink", "coins", 5, "fee")));
            assertThat(legs).hasSize(2);
            assertThat(economy.balance(alice, "coins")).isEqualTo(65);
            assertThat(economy.balance(bob, "coins")).isEqualTo(30);

            assertThatThrownBy(() -> economy.transfer(new TransferSpec(TransferSpec.player(bob), "system:sink", "coins", 31, null)))
                    .isInstanceOf(InsufficientFundsException.class).hasMessageContaining("holds less than 31");
            assertThatThrownBy(() -> economy.transfer(new TransferSpec("system:issuance", TransferSpec.player(bob), "gold", 1, null)))
                    .isInstanceOfSatisfying(VeltrixApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.fieldProblems()).extracting(VeltrixApiException.FieldProblem::field).containsExactly("currency");
                    });
        }
    }

    /**
     * A proxy that forwards each transfer to Veltrix but, the first time, answers the game server
     * with 502 as if the answer was lost. The SDK retries with the same key; the money moves once.
     */
    @Test
    void aRetryAfterALostAnswerReusesTheKeySoMoneyMovesOnce() throws IOException {
        HttpClient forward = HttpClient.newHttpClient();
        AtomicInteger transferCalls = new AtomicInteger();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            try {
                var builder = HttpRequest.newBuilder(URI.create(node.baseUrl + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (List.of("authorization", "idempotency-key", "content-type").contains(name.toLowerCase())) {
                        values.forEach(v -> builder.header(name, v));
                    }
                });
                HttpResponse<byte[]> answer = forward.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                boolean lose = exchange.getRequestURI().getPath().equals("/api/v1/transfers") && transferCalls.incrementAndGet() == 1;
                int status = lose ? 502 : answer.statusCode();
                byte[] body = lose ? new byte[0] : answer.body();
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        proxy.start();
        UUID carol = UUID.randomUUID();
        try (var veltrix = client("http://127.0.0.1:" + proxy.getAddress().getPort())) {
            var posted = veltrix.economy().transfer("reward-" + carol,
                    new TransferSpec("system:issuance", TransferSpec.player(carol), "coins", 40, null));
            assertThat(posted.amount()).isEqualTo(40);
            assertThat(transferCalls.get()).as("the first answer was lost, so the SDK asked again").isEqualTo(2);
            assertThat(veltrix.economy().balance(carol, "coins")).isEqualTo(40);
        } finally {
            proxy.stop(0);
            forward.close();
        }
    }

    @Test
    void issuesAPortalCodeThatSignsThePlayerInOnce() {
        UUID dave = UUID.randomUUID();
        try (var veltrix = client(node.baseUrl)) {
            var code = veltrix.players().loginCode(dave);
            assertThat(code.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(code.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(500));
            assertThat(code.portalPath()).isEqualTo("/portal/login");
            var logins = new dev.veltrix.server.auth.PlayerLogins(node.node.database(), java.time.Clock.systemUTC());
            assertThat(logins.redeem(code.code())).contains(dave);
            assertThat(logins.redeem(code.code())).as("a code works once").isEmpty();
        }
    }

    @Test
    void refusesToStartWithoutAnAddressOrAKey() {
        assertThatThrownBy(() -> VeltrixClient.create(c -> c.apiKey(node.key))).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey("secret")))
                .hasMessageContaining("server key");
    }
}
