package dev.veltrix.server.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An expiry warning reaches the operator's webhook as the JSON of the event. */
class ExpiryWebhookTest {

    @Test
    void aWarningIsPostedAsJson() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.complete(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (ExpiryWebhook hook = new ExpiryWebhook(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))) {
            hook.accept("{\"owner\":\"x\",\"leadDays\":7}");
            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("application/json {\"owner\":\"x\",\"leadDays\":7}");
        } finally {
            receiver.stop(0);
        }
    }
}
