package dev.veltrix.kafka;

import dev.veltrix.core.event.EventBus;
import dev.veltrix.core.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The cluster's event bus on Apache Kafka. The outbox relay publishes committed events; {@link #publish}
 * returns only when the brokers have acknowledged every one (acks=all), so the relay moves its cursor
 * past nothing that could still be lost. Events are keyed by their key, so one claim's or one account's
 * events stay in order on one partition.
 */
public final class KafkaEventBus implements EventBus {
    private static final java.time.Duration JOIN_TIMEOUT = java.time.Duration.ofSeconds(60);
    private final KafkaSettings settings;
    private final MeterRegistry registry;
    private final KafkaProducer<String, byte[]> producer;
    private final DeadLetters deadLetters;
    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();

    private KafkaEventBus(KafkaSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        this.producer = new KafkaProducer<>(KafkaClients.producer(settings, "producer"));
        this.deadLetters = new DeadLetters(settings, producer, false);
    }

    /** Creates the topics when missing and connects. */
    public static KafkaEventBus start(KafkaSettings settings, MeterRegistry registry) {
        Topics.ensure(settings);
        return new KafkaEventBus(settings, registry);
    }

    /** Whether a broker answers within {@code timeout}: what a node's readiness reports in cluster mode. */
    public boolean reachable(java.time.Duration timeout) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(KafkaClients.admin(settings))) {
            return !admin.describeCluster(new org.apache.kafka.clients.admin.DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, java.util.concurrent.TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void publish(List<EventEnvelope> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            sent.add(producer.send(new ProducerRecord<>(settings.topic(), event.key(), EnvelopeCodec.encode(event))));
        }
        producer.flush(); // linger.ms batches a burst; the relay waits for its whole batch anyway
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing to Kafka", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not take an event; the relay publishes the batch again", e.getCause());
            }
        }
    }

    @Override
    public Subscription subscribe(String consumerName, Delivery delivery, EventConsumer consumer) {
        if (!consumerName.matches("[a-z0-9][a-z0-9_-]{0,60}")) {
            throw new IllegalArgumentException("a consumer name is 1..61 of a-z 0-9 _ -, got " + consumerName);
        }
        ConsumerLoop loop = new ConsumerLoop(consumerName, delivery, consumer, settings, deadLetters, registry);
        loop.awaitJoined(JOIN_TIMEOUT);
        loops.add(loop);
        return () -> {
            loops.remove(loop);
            loop.close();
        };
    }

    /** The dead-letter topic, to list and replay. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        loops.forEach(ConsumerLoop::close);
        loops.clear();
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
