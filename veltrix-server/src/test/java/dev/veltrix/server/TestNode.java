package dev.veltrix.server;

import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.auth.ServerKeyStore;
import dev.veltrix.server.config.EconomyConfig;
import dev.veltrix.server.config.HttpSettings;
import dev.veltrix.server.config.VeltrixConfig;
import dev.veltrix.storage.StorageConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A real Veltrix node on a free port and a fresh SQLite file, with a server key that has every
 * scope, and small helpers to call it over HTTP the way a game server does.
 */
public final class TestNode implements AutoCloseable {
    public final Path dataDir;
    public final VeltrixNode node;
    public final String key;
    public final String baseUrl;
    public final int port;
    public final String ownerPassword;
    private final HttpClient http = HttpClient.newHttpClient();

    private final EconomyConfig economy;

    private TestNode(Path dataDir, int port, EconomyConfig economy) {
        this(dataDir, config(dataDir, port, economy), economy);
    }

    private TestNode(Path dataDir, VeltrixConfig config, EconomyConfig economy) {
        this.dataDir = dataDir;
        this.economy = economy;
        this.node = VeltrixNode.start(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
        this.port = node.port();
        this.baseUrl = "http://127.0.0.1:" + this.port;
        this.ownerPassword = node.ownerPassword().orElse(null);
        this.key = createKey(EnumSet.allOf(Scope.class));
    }

    public static TestNode start() {
        return start(EconomyConfig.DEFAULTS);
    }

    /** A node with the economy's settings (levers, FIX gateway) as given. */
    public static TestNode start(EconomyConfig economy) {
        try {
            return new TestNode(Files.createTempDirectory("veltrix-node-"), 0, economy);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node whose store runs with {@code store}'s settings (wallet keys, chain watchers, rates). */
    public static TestNode start(dev.veltrix.server.config.StoreSettings store) {
        try {
            Path dir = Files.createTempDirectory("veltrix-node-");
            VeltrixConfig base = config(dir, 0);
            VeltrixConfig config = new VeltrixConfig(base.http(), base.storage(), base.ledger(), base.nodeId(), base.outboxRetention(),
                    base.economy(), base.claims(), base.network(), base.kafka(), store, base.backups());
            return new TestNode(dir, config, EconomyConfig.DEFAULTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node of a cluster: the default test settings on shared storage and Kafka. */
    public static TestNode inCluster(String nodeId, String storageUrl, dev.veltrix.kafka.KafkaSettings kafka) {
        try {
            Path dir = Files.createTempDirectory("veltrix-node-");
            VeltrixConfig config = config(dir, 0).inCluster(new StorageConfig(storageUrl, "", "", 16), kafka, nodeId);
            return new TestNode(dir, config, EconomyConfig.DEFAULTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node on the same data and port as a stopped one: a restart. */
    public static TestNode restart(TestNode stopped) {
        return new TestNode(stopped.dataDir, stopped.port, stopped.economy);
    }

    public static VeltrixConfig config(Path dataDir, int port) {
        return config(dataDir, port, EconomyConfig.DEFAULTS);
    }

    public static VeltrixConfig config(Path dataDir, int port, EconomyConfig economy) {
        return new VeltrixConfig(new HttpSettings("127.0.0.1", port, 65_536, false),
                StorageConfig.sqlite(dataDir.resolve("veltrix.db").toString()),
                new LedgerSettings(256, 16_384, 30_000), "test-" + UUID.randomUUID().toString().substring(0, 6),
                java.time.Duration.ofDays(7), economy, new dev.veltrix.server.config.ClaimSettings(
                        dev.veltrix.claims.ClaimRules.DEFAULTS, java.util.List.of(), "coins", 10,
                        dev.veltrix.server.claims.ExpiryPolicy.DEFAULTS), dev.veltrix.network.NetworkSettings.DEFAULTS, null,
                dev.veltrix.server.config.StoreSettings.defaults(),
                // Scheduled daily (so never within a test); "Back up now" writes beside the node's database.
                new dev.veltrix.server.config.BackupSettings(dataDir.resolve("backups").toString(), java.time.Duration.ofHours(24), 3));
    }

    public String createKey(Set<Scope> scopes) {
        return new ServerKeyStore(node.database(), Clock.systemUTC()).create("test-server", scopes).token();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key).GET().build());
    }

    public HttpResponse<String> post(String path, String json, String idempotencyKey) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder.build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key)
                .DELETE().build());
    }

    /** Credits a player with coins from issuance. */
    public void fund(UUID player, long coins) {
        var response = post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"player:" + player
                + "\",\"currency\":\"coins\",\"amount\":" + coins + "}", UUID.randomUUID().toString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not fund " + player + ": " + response.body());
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates the coins currency (0 decimals). */
    public void createCoins() {
        var response = post("/api/v1/currencies", "{\"code\":\"coins\",\"name\":\"Coins\",\"decimals\":0}", null);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create coins: " + response.body());
        }
    }

    /** Creates coins unless an earlier test of the same node already did. */
    public void createCoinsIfAbsent() {
        if (get("/api/v1/currencies").body().contains("\"coins\"")) {
            return;
        }
        createCoins();
    }

    /** Stops the node but keeps its data, for restart tests. */
    public void stop() {
        node.close();
        http.close();
    }

    @Override
    public void close() {
        stop();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
