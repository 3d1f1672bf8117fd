package dev.veltrix.server.claims;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each expiry warning, as JSON, to an operator's URL (a chat bot, a mail bridge). Best effort and
 * off the sweep's thread: a slow or failing endpoint never holds up expiry; the warning event on the
 * stream is the record, this is a copy.
 */
public final class ExpiryWebhook implements Consumer<String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryWebhook.class);

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ExpiryWebhook(URI url) {
        this.url = url;
    }

    @Override
    public void accept(String warning) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(warning)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() >= 300) {
                LOG.warn("expiry webhook {} did not take a warning: {}", url,
                        error != null ? error.toString() : "HTTP " + response.statusCode());
            }
        });
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
