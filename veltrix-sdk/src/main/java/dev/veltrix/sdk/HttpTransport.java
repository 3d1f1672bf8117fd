package dev.veltrix.sdk;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends requests with the key, decodes answers, turns problem documents into typed exceptions,
 * and retries what may be retried: network failures and 5xx, with backoff, honouring Retry-After.
 * A value-moving request carries its idempotency key on every attempt.
 */
final class HttpTransport {
    private final ClientConfig config;
    private final HttpClient http;

    HttpTransport(ClientConfig config) {
        this.config = config;
        this.http = config.sharedHttp != null ? config.sharedHttp
                : HttpClient.newBuilder().connectTimeout(config.requestTimeout).build();
    }

    HttpClient client() {
        return http;
    }

    /** Whether the HTTP client is this transport's own (and so this transport's to shut down). */
    boolean ownsClient() {
        return http != config.sharedHttp;
    }

    Map<String, Object> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    Map<String, Object> post(String path, Map<String, Object> body, String idempotencyKey) {
        String json;
        try {
            json = JSON.std.asString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body cannot be encoded as JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, idempotencyKey);
    }

    Map<String, Object> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), null);
    }

    URI uri(String path) {
        return URI.create(config.baseUrl + path);
    }

    private Map<String, Object> send(HttpRequest.Builder builder, String idempotencyKey) {
        builder.timeout(config.requestTimeout).header("Authorization", "Bearer " + config.apiKey);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder.build();
        RuntimeException last = null;
        for (int attempt = 0; attempt <= config.retriesMax; attempt++) {
            long waitMs = backoffMs(attempt);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return response.body().isEmpty() ? Map.of() : JSON.std.mapFrom(response.body());
                }
                VeltrixApiException problem = problem(status, response.body());
                if (status < 500) {
                    throw problem;
                }
                last = problem;
                waitMs = retryAfterMs(response).orElse(waitMs);
            } catch (IOException e) {
                last = new VeltrixUnavailableException("cannot reach Veltrix at " + config.baseUrl + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VeltrixUnavailableException("interrupted while calling Veltrix", e);
            }
            if (attempt < config.retriesMax) {
                sleep(waitMs);
            }
        }
        throw new VeltrixUnavailableException("Veltrix kept failing after " + (config.retriesMax + 1) + " attempts; "
                + "retry later with the same idempotency key", last);
    }

    private long backoffMs(int attempt) {
        long base = config.retryBackoff.toMillis() << Math.min(attempt, 6);
        return base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 2));
    }

    private static Optional<Long> retryAfterMs(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.trim()) * 1_000);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @SuppressWarnings("unchecked")
    static VeltrixApiException problem(int status, String body) {
        Map<String, Object> json;
        try {
            json = body == null || body.isBlank() ? Map.of() : JSON.std.mapFrom(body);
        } catch (IOException e) {
            json = Map.of();
        }
        String type = String.valueOf(json.getOrDefault("type", "http-" + status)).replace("urn:veltrix:problem:", "");
        String detail = String.valueOf(json.getOrDefault("detail", "Veltrix answered HTTP " + status));
        if ("insufficient-funds".equals(type)) {
            return new InsufficientFundsException(detail);
        }
        List<VeltrixApiException.FieldProblem> fields = new ArrayList<>();
        if (json.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                Map<String, Object> e = (Map<String, Object>) error;
                fields.add(new VeltrixApiException.FieldProblem(String.valueOf(e.get("field")), String.valueOf(e.get("message"))));
            }
        }
        return new VeltrixApiException(status, type, detail, fields);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VeltrixUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
