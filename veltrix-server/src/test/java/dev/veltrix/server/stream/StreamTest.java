package dev.veltrix.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.sdk.StreamEvent;
import dev.veltrix.sdk.TransferSpec;
import dev.veltrix.sdk.VeltrixClient;
import dev.veltrix.server.TestNode;
import dev.veltrix.storage.outbox.Outbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The game-server stream: in order, acknowledged, resumed after reconnects and restarts. */
class StreamTest {

    private static VeltrixClient client(TestNode node) {
        return VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key).retries(2, Duration.ofMillis(50)));
    }

    private static void grant(VeltrixClient client, UUID player, long amount) {
        client.economy().transfer(new TransferSpec("system:issuance", TransferSpec.player(player), "coins", amount, null));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static long serverCursor(TestNode node) {
        String keyId = node.key.substring(3, 15);
        return Outbox.cursor(node.node.database().dsl(), "stream:" + keyId);
    }

    @Test
    void deliversEveryTransferOnceAcrossAReconnectAndAServerRestart() throws Exception {
        TestNode node = TestNode.start();
        node.createCoins();
        UUID player = UUID.randomUUID();
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        try (var veltrix = client(node)) {
            var stream = veltrix.stream(received::add);
            stream.connected().get(20, TimeUnit.SECONDS);
            for (int i = 1; i <= 5; i++) {
                grant(veltrix, player, i);
            }
            await("5 events arrive", () -> received.size() == 5);
            long lastCursor = received.getLast().cursor();
            await("the server saved the ack", () -> serverCursor(node) == lastCursor);
            stream.close();

            for (int i = 6; i <= 8; i++) {
                grant(veltrix, player, i); // posted while the game server is away
            }
            var again = veltrix.stream(received::add);
            again.connected().get(20, TimeUnit.SECONDS);
            await("the 3 missed events arrive", () -> received.size() == 8);

            long beforeRestart = received.getLast().cursor();
            await("the server saved the ack", () -> serverCursor(node) == beforeRestart);
            node.stop();
            TestNode restarted = TestNode.restart(node);
            try (var afterRestart = VeltrixClient.create(c -> c.baseUrl(restarted.baseUrl).apiKey(node.key))) {
                again.connected().get(30, TimeUnit.SECONDS); // the SDK reconnects by itself
                for (int i = 9; i <= 10; i++) {
                    grant(afterRestart, player, i);
                }
                await("events after the restart arrive", () -> received.size() == 10);
            } finally {
                again.close();
                restarted.close();
            }
        }
        assertThat(received).extracting(e -> ((Number) e.payload().get("amount")).longValue())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(received).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("transfer.posted");
            assertThat(e.touches(TransferSpec.player(player))).isTrue();
        });
        assertThat(received).extracting(StreamEvent::cursor).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anAckBeyondWhatWasSentIsRefusedAndMovesNothing() throws Exception {
        try (TestNode node = TestNode.start(); HttpClient http = HttpClient.newHttpClient()) {
            CompletableFuture<Integer> closeCode = new CompletableFuture<>();
            CompletableFuture<Void> hello = new CompletableFuture<>();
            WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + node.key)
                    .buildAsync(URI.create("ws://127.0.0.1:" + node.port + StreamHub.PATH), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            hello.complete(null);
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                            closeCode.complete(status);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            hello.get(10, TimeUnit.SECONDS);
            ws.sendText("{\"type\":\"ack\",\"cursor\":1000000}", true);
            assertThat(closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(serverCursor(node)).as("the cursor did not jump ahead").isZero();
        }
    }

    @Test
    void aConnectionWithoutAValidKeyIsClosedAsAPolicyViolation() throws Exception {
        try (TestNode node = TestNode.start(); HttpClient http = HttpClient.newHttpClient()) {
            CompletableFuture<Integer> closeCode = new CompletableFuture<>();
            http.newWebSocketBuilder().header("Authorization", "Bearer vx_nope")
                    .buildAsync(URI.create("ws://127.0.0.1:" + node.port + StreamHub.PATH), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                            closeCode.complete(status);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            assertThat(closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }
}
