package dev.veltrix.bench;

import dev.veltrix.sdk.TimeOrderedIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;

/** What the load generator sends: a setup once, then one request per tick. */
interface LoadScenario {

    /** Creates what the requests need (currencies, funded players, pairs). */
    void setup(HttpClient http, String url, String key) throws Exception;

    /** The next request; answered with {@link #okStatus()} when it succeeded. */
    HttpRequest next(String url, String key, SplittableRandom random);

    default int okStatus() {
        return 201;
    }

    static LoadScenario named(String name) {
        return switch (name) {
            case "transfers" -> new TransferScenario();
            case "orders" -> new OrderScenario();
            case "events" -> new EventScenario();
            default -> throw new IllegalArgumentException("scenario must be transfers, orders or events, got " + name);
        };
    }

    static void send(HttpClient http, HttpRequest request, Set<Integer> accepted) throws Exception {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!accepted.contains(response.statusCode())) {
            throw new IllegalStateException("setup failed: " + response.statusCode() + " " + response.body());
        }
    }

    static HttpRequest request(String method, String url, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", TimeOrderedIds.key()) // as the SDK makes them.header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest post(String url, String key, String body) {
        return request("POST", url, key, body);
    }

    static String transfer(String from, String to, String currency, long amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"currency\":\"" + currency + "\",\"amount\":" + amount + "}";
    }
}
