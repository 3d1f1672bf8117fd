package dev.veltrix.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link VeltrixClient} reaches Veltrix. Built with {@link VeltrixClient#create}:
 * <pre>{@code
 * VeltrixClient client = VeltrixClient.create(config -> config
 *         .baseUrl("http://veltrix.internal:8080")
 *         .apiKey(System.getenv("VELTRIX_KEY")));
 * }</pre>
 */
public final class ClientConfig {
    URI baseUrl;
    String apiKey;
    Duration requestTimeout = Duration.ofSeconds(10);
    int retriesMax = 4;
    Duration retryBackoff = Duration.ofMillis(200);
    java.net.http.HttpClient sharedHttp;

    ClientConfig() {
    }

    /** Veltrix's address, such as {@code http://veltrix.internal:8080}. Required. */
    public ClientConfig baseUrl(String url) {
        this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        return this;
    }

    /** This game server's key, from {@code veltrix server-key create}. Required. */
    public ClientConfig apiKey(String key) {
        this.apiKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /** Longest wait for one HTTP answer (default 10 s). */
    public ClientConfig requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How often a failed call is retried (default 4) when the network fails or Veltrix answers
     * 5xx. Value-moving calls are retried with the same idempotency key, so a retry never moves
     * money twice.
     */
    public ClientConfig retries(int max, Duration firstBackoff) {
        if (max < 0 || max > 20) {
            throw new IllegalArgumentException("retries must be 0..20, got " + max);
        }
        this.retriesMax = max;
        this.retryBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
        return this;
    }

    /**
     * Uses this HTTP client rather than one of its own: a process that holds many Veltrix clients (a proxy
     * plugin, a load generator) then has one connection pool and one selector thread instead of one per
     * client. The Veltrix client does not shut a shared one down when it is closed.
     */
    public ClientConfig httpClient(java.net.http.HttpClient shared) {
        this.sharedHttp = Objects.requireNonNull(shared, "shared");
        return this;
    }

    void check() {
        if (baseUrl == null) {
            throw new IllegalStateException("set baseUrl(...) to Veltrix's address, e.g. http://localhost:8080");
        }
        if (apiKey == null || !apiKey.startsWith("vx_")) {
            throw new IllegalStateException("set apiKey(...) to a server key (vx_...) from `veltrix server-key create`");
        }
    }
}
