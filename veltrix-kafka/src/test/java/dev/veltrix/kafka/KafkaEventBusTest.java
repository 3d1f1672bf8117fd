package dev.veltrix.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.core.event.EventBus;
import dev.veltrix.core.event.EventEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The Kafka bus against a real single-node KRaft broker started in this JVM. */
class KafkaEventBusTest {

    private static KafkaSettings settings(String topic, String node) {
        return KafkaSettings.of(TestKafka.bootstrapServers(), topic, node);
    }

    private static String topic() {
        return "veltrix.test." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static EventEnvelope event(String key, int n) {
        return new EventEnvelope(UUID.randomUUID(), "test.happened", key, Instant.now(), "test", "{\"n\":" + n + "}");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aGroupConsumerGetsEachEventOnceAcrossNodesAndEveryNodeConsumersGetThemAllInKeyOrder() throws Exception {
        String topic = topic();
        try (KafkaEventBus a = KafkaEventBus.start(settings(topic, "node-a"), new SimpleMeterRegistry());
             KafkaEventBus b = KafkaEventBus.start(settings(topic, "node-b"), new SimpleMeterRegistry())) {
            Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
            List<EventEnvelope> seenByA = new CopyOnWriteArrayList<>();
            List<EventEnvelope> seenByB = new CopyOnWriteArrayList<>();
            String group = "xp-" + topic.substring(topic.length() - 8);
            a.subscribe(group, e -> handled.computeIfAbsent(e.id(), id -> new AtomicInteger()).incrementAndGet());
            b.subscribe(group, e -> handled.computeIfAbsent(e.id(), id -> new AtomicInteger()).incrementAndGet());
            a.subscribe("waker", EventBus.Delivery.EVERY_NODE, seenByA::add);
            b.subscribe("waker", EventBus.Delivery.EVERY_NODE, seenByB::add);

            List<EventEnvelope> published = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                published.add(event("player-" + (i % 7), i));
            }
            a.publish(published.subList(0, 150));
            b.publish(published.subList(150, 300));

            await(() -> handled.size() == 300 && seenByA.size() == 300 && seenByB.size() == 300, "every event arrived");
            Thread.sleep(500); // room for a wrongful second delivery
            assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(seenByB).hasSize(300);
            // One key's events stay in publish order (they share a partition).
            for (String key : List.of("player-0", "player-3")) {
                assertThat(seenByB.stream().filter(e -> e.key().equals(key)).map(EventEnvelope::payload).toList())
                        .isEqualTo(published.stream().filter(e -> e.key().equals(key)).map(EventEnvelope::payload).toList());
            }
        }
    }

    @Test
    void aFailingEventIsRetriedThenDeadLetteredAndAReplayReachesOnlyTheConsumerThatFailed() throws Exception {
        String topic = topic();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (KafkaEventBus bus = KafkaEventBus.start(settings(topic, "node-a"), metrics)) {
            EventEnvelope flaky = event("k", 1);
            EventEnvelope broken = event("k", 2);
            AtomicInteger flakyCalls = new AtomicInteger();
            List<UUID> delivered = new CopyOnWriteArrayList<>();
            List<UUID> bystander = new CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean fixed = new java.util.concurrent.atomic.AtomicBoolean();
            bus.subscribe("rewards", e -> {
                if (e.id().equals(flaky.id()) && flakyCalls.incrementAndGet() < 3) {
                    throw new IllegalStateException("database busy");
                }
                if (e.id().equals(broken.id()) && !fixed.get()) {
                    throw new IllegalStateException("no reward table for season 7");
                }
                delivered.add(e.id());
            });
            bus.subscribe("audit", e -> bystander.add(e.id()));
            bus.publish(List.of(flaky, broken, event("k", 3)));

            await(() -> delivered.size() == 2 && bystander.size() == 3, "the good events were handled");
            assertThat(delivered).doesNotContain(broken.id()).contains(flaky.id());
            // two retries before the flaky event went through, two more before the broken one was given up
            assertThat(metrics.get("veltrix.kafka.consumer.retries").tag("consumer", "rewards").counter().count()).isEqualTo(4.0);

            await(() -> !bus.deadLetters().list(10).isEmpty(), "the broken event was dead-lettered");
            DeadLetter letter = bus.deadLetters().list(10).getFirst();
            assertThat(letter.consumer()).isEqualTo("rewards");
            assertThat(letter.eventId()).isEqualTo(broken.id().toString());
            assertThat(letter.error()).contains("no reward table for season 7");
            assertThat(letter.attempts()).isEqualTo(3);

            fixed.set(true);
            bus.deadLetters().replay(letter.partition(), letter.offset());
            await(() -> delivered.contains(broken.id()), "the replay was handled");
            Thread.sleep(500);
            assertThat(bystander).hasSize(3); // the audit consumer handled it the first time and is not given it again
        }
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String topic = topic();
        try (KafkaEventBus bus = KafkaEventBus.start(settings(topic, "node-a"), new SimpleMeterRegistry());
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(KafkaClients.producer(settings(topic, "raw"), "raw"))) {
            List<EventEnvelope> received = new CopyOnWriteArrayList<>();
            bus.subscribe("reader", received::add);
            raw.send(new ProducerRecord<>(topic, "x", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            EventEnvelope good = event("x", 1);
            bus.publish(List.of(good));
            await(() -> received.size() == 1, "the good event arrived");
            await(() -> !bus.deadLetters().list(5).isEmpty(), "the poison record was dead-lettered");
            DeadLetter poison = bus.deadLetters().list(5).getFirst();
            assertThat(poison.eventId()).isNull();
            assertThat(poison.value()).isEqualTo("{not json");
            assertThat(poison.error()).contains("not a Veltrix event");
        }
    }

    @Test
    void theLagGaugeShowsWhatASlowConsumerHasNotReachedYet() throws Exception {
        String topic = topic();
        KafkaSettings slowPolls = new KafkaSettings(TestKafka.bootstrapServers(), topic, topic + ".dead", 1, (short) 1, 5,
                65_536, "zstd", 3, 50, 5, "node-a");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (KafkaEventBus bus = KafkaEventBus.start(slowPolls, metrics)) {
            AtomicInteger handled = new AtomicInteger();
            bus.subscribe("slow", e -> {
                Thread.sleep(40);
                handled.incrementAndGet();
            });
            List<EventEnvelope> burst = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                burst.add(event("k", i));
            }
            bus.publish(burst);
            double[] highest = {0};
            await(() -> {
                highest[0] = Math.max(highest[0], metrics.get("veltrix.kafka.consumer.lag").tag("consumer", "slow").gauge().value());
                return handled.get() == 60;
            }, "the slow consumer caught up");
            assertThat(highest[0]).isGreaterThanOrEqualTo(20);
            await(() -> metrics.get("veltrix.kafka.consumer.lag").tag("consumer", "slow").gauge().value() == 0, "lag back to zero");
        }
    }
}
