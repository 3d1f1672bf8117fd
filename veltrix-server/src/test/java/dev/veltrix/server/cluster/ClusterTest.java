package dev.veltrix.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.core.event.EventBus;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.kafka.KafkaSettings;
import dev.veltrix.kafka.TestKafka;
import dev.veltrix.sdk.StreamEvent;
import dev.veltrix.sdk.VeltrixClient;
import dev.veltrix.server.TestNode;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two Veltrix nodes share PostgreSQL and a real Kafka broker: chat crosses nodes, run-once jobs move to
 * the surviving node when one stops, and a cluster-wide consumer handles every event exactly once.
 */
class ClusterTest {

    private static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + within + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void twoNodesShareTheWorkAndTheSurvivorTakesOverWithoutLosingOrRepeatingAnEvent() throws Exception {
        try (var shared = TestDatabases.open(SqlKind.POSTGRES, List.of())) {
            String topic = "veltrix.cluster." + UUID.randomUUID().toString().substring(0, 8);
            KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers(), topic, "unset");
            TestNode a = TestNode.inCluster("node-a", shared.url(), kafka);
            try (TestNode b = TestNode.inCluster("node-b", shared.url(), kafka)) {
                // A cluster-wide consumer on both nodes: each event must be handled once, by either node.
                Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
                EventBus.EventConsumer audit = event -> handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
                a.node.bus().subscribe("audit", audit);
                b.node.bus().subscribe("audit", audit);
                a.createCoins();
                // Each node is ready only with both of its dependencies answering, and says so.
                var ready = b.get("/health/ready");
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                assertThat(ready.body()).contains("\"database\":{\"status\":\"UP\",\"detail\":\"postgres answers\"}",
                        "\"kafka\":{\"status\":\"UP\"");

                // A game server connected to node B hears a chat message posted through node A.
                List<StreamEvent> onB = new CopyOnWriteArrayList<>();
                try (VeltrixClient gameServer = VeltrixClient.create(c -> c.baseUrl(b.baseUrl).apiKey(b.key));
                     var stream = gameServer.stream(onB::add)) {
                    stream.connected().get(20, TimeUnit.SECONDS);
                    UUID steve = UUID.randomUUID();
                    var posted = a.post("/api/v1/chat/global", "{\"player\":\"" + steve + "\",\"text\":\"hello from A\"}", null);
                    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
                    await(() -> onB.stream().anyMatch(e -> e.type().equals("chat.posted") && "hello from A".equals(e.payload().get("text"))),
                            Duration.ofSeconds(10), "the chat message posted on node A reached the game server on node B");
                }

                Leases leases = new Leases(shared.database(), Clock.systemUTC());
                assertThat(leases.holder("outbox-relay")).contains("node-a"); // the first node took the relay
                for (int i = 0; i < 20; i++) {
                    a.fund(UUID.randomUUID(), 10);
                    b.fund(UUID.randomUUID(), 10);
                }

                a.stop();
                await(() -> leases.holder("outbox-relay").filter("node-b"::equals).isPresent(), Duration.ofSeconds(10),
                        "node B took over the outbox relay");
                await(() -> leases.holder("network-sweep").filter("node-b"::equals).isPresent(), Duration.ofSeconds(15),
                        "node B took over the presence sweep");
                for (int i = 0; i < 20; i++) {
                    b.fund(UUID.randomUUID(), 10);
                }
                // Both nodes posted against the issuance account: its history links and the books still add up.
                assertThat(b.node.ledger().verify()).isEmpty();
                assertThat(b.node.ledger().history(AccountId.ISSUANCE, null, 200).items()).hasSize(60);

                List<UUID> written = Outbox.readAfter(shared.database().dsl(), 0, 1_000).stream().map(s -> s.event().id()).toList();
                assertThat(written).hasSizeGreaterThanOrEqualTo(61); // 60 transfers and the chat message at least
                await(() -> handled.keySet().containsAll(written), Duration.ofSeconds(30), "every committed event was handled");
                Thread.sleep(1_000); // room for a wrongful second delivery
                assertThat(handled).allSatisfy((id, count) -> assertThat(count.get()).as("deliveries of " + id).isEqualTo(1));
            } finally {
                a.close();
            }
        }
    }
}
