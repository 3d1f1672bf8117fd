package dev.veltrix.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.auth.ServerKeyStore;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.StorageConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Veltrix runs as its own process under load and is killed with SIGKILL (no shutdown hook, no
 * flush). After a restart on the same SQLite file, every transfer that was acknowledged with 201
 * must be there: resending its key returns the same transfer instead of posting a new one.
 */
class CrashTest {
    private static final int CLIENTS = 16;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir
    Path dir;

    private record Acked(String key, String body, String transferId, long amount) {
    }

    @Test
    void everyAcknowledgedTransferSurvivesAKillDashNine() throws Exception {
        int port = freePort();
        String storage = "storage.url=jdbc:sqlite:" + dir.resolve("veltrix.db");
        String key;
        try (Database db = Database.open(StorageConfig.sqlite(dir.resolve("veltrix.db").toString()))) {
            db.migrate(VeltrixNode.schemas());
            key = new ServerKeyStore(db, Clock.systemUTC()).create("crash-test", EnumSet.allOf(Scope.class)).token();
        }
        Process server = startServer(port, storage, "first.log");
        awaitReady(port);
        assertThat(post(port, key, "/api/v1/currencies", "{\"code\":\"coins\",\"name\":\"Coins\",\"decimals\":0}", null)
                .statusCode()).isEqualTo(201);

        Map<String, Acked> acked = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofVirtual().start(() -> load(port, key, acked)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (acked.size() < 500 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        server.destroyForcibly(); // SIGKILL on Linux
        server.waitFor(10, TimeUnit.SECONDS);
        for (Thread client : clients) {
            client.join();
        }
        assertThat(acked).as("transfers acknowledged before the kill").hasSizeGreaterThan(100);

        Process restarted = startServer(port, storage, "second.log");
        try {
            awaitReady(port);
            for (Acked a : acked.values()) {
                HttpResponse<String> replay = post(port, key, "/api/v1/transfers", a.body(), a.key());
                assertThat(replay.statusCode()).as("resending acknowledged key %s", a.key()).isEqualTo(200);
                assertThat(replay.body()).contains("\"id\":\"" + a.transferId() + "\"");
            }
        } finally {
            restarted.destroy();
            restarted.waitFor(20, TimeUnit.SECONDS);
        }
        try (Database db = Database.open(StorageConfig.sqlite(dir.resolve("veltrix.db").toString()))) {
            var ledger = new JooqLedgerStore(db, Clock.systemUTC(), new ObjectMapper());
            assertThat(ledger.verify()).as("books balance after the crash").isEmpty();
            long ackedTotal = acked.values().stream().mapToLong(Acked::amount).sum();
            assertThat(-ledger.supply("coins").systemNet()).as("issued at least what was acknowledged")
                    .isGreaterThanOrEqualTo(ackedTotal);
        }
    }

    private void load(int port, String key, Map<String, Acked> acked) {
        for (int i = 0; i < 100_000; i++) {
            String idempotencyKey = UUID.randomUUID().toString();
            long amount = 1 + (i % 50);
            String body = "{\"from\":\"system:issuance\",\"to\":\"player:" + UUID.randomUUID()
                    + "\",\"currency\":\"coins\",\"amount\":" + amount + "}";
            try {
                HttpResponse<String> response = post(port, key, "/api/v1/transfers", body, idempotencyKey);
                if (response.statusCode() == 201) {
                    String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                    acked.put(idempotencyKey, new Acked(idempotencyKey, body, id, amount));
                }
            } catch (IOException e) {
                return; // the server is gone: anything not acknowledged may or may not have committed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> post(int port, String key, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Process startServer(int port, String storage, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.veltrix.server.cli.VeltrixCli",
                "serve", "--port", Integer.toString(port), "--set", "http.host=127.0.0.1", "--set", storage)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile())
                .start();
    }

    private void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("Veltrix did not become ready; its log:\n" + readLogs());
    }

    private String readLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("first.log", "second.log")) {
            Path log = dir.resolve(name);
            if (Files.exists(log)) {
                logs.append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
