package dev.veltrix.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.claims.Action;
import dev.veltrix.sdk.ClaimReplica;
import dev.veltrix.sdk.VeltrixClient;
import dev.veltrix.server.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A game server's local replica of the claims: a snapshot, then every change from the stream. */
class ClaimReplicaTest {

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theReplicaAnswersLocallyAndFollowsEveryChange() throws Exception {
        try (TestNode node = TestNode.start();
             VeltrixClient veltrix = VeltrixClient.create(c -> c.baseUrl(node.baseUrl).apiKey(node.key)
                     .retries(2, Duration.ofMillis(50)))) {
            node.put("/api/v1/claims/worlds/world", "{}");
            UUID owner = UUID.randomUUID();
            UUID guest = UUID.randomUUID();
            String before = node.post("/api/v1/claims", "{\"world\":\"world\",\"owner\":\"" + owner
                    + "\",\"x1\":0,\"z1\":0,\"x2\":9,\"z2\":9}", null).body();
            String id = before.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

            ClaimReplica claims = veltrix.claims().replica(List.of("world"));
            assertThat(claims.size()).isEqualTo(1);
            assertThat(claims.can(guest, List.of(), Action.BUILD, "world", 5, 64, 5)).isFalse();
            assertThat(claims.can(owner, List.of(), Action.BUILD, "world", 5, 64, 5)).isTrue();

            try (var stream = veltrix.stream(claims::accept)) {
                stream.connected().get(20, TimeUnit.SECONDS);
                node.put("/api/v1/claims/" + id + "/trust/player:" + guest, "{\"trust\":\"BUILD\"}");
                await("the trust reaches the replica", () -> claims.can(guest, List.of(), Action.BUILD, "world", 5, 64, 5));

                var second = node.post("/api/v1/claims", "{\"world\":\"world\",\"owner\":\"" + UUID.randomUUID()
                        + "\",\"x1\":20,\"z1\":20,\"x2\":29,\"z2\":29}", null);
                assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
                await("a new claim reaches the replica", () -> claims.at("world", 25, 64, 25) != null);

                node.delete("/api/v1/claims/" + id);
                await("the abandoned claim leaves the replica", () -> claims.at("world", 5, 64, 5) == null);
                assertThat(claims.can(guest, List.of(), Action.BUILD, "world", 25, 64, 25)).isFalse();
            }
        }
    }
}
