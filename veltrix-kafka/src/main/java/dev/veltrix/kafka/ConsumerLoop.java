package dev.veltrix.kafka;

import dev.veltrix.core.event.EventBus;
import dev.veltrix.core.event.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: a thread that polls, hands each event to the consumer with retries and backoff,
 * dead-letters what still fails, and commits the offsets of a batch only after all of it was handled.
 * A crash therefore re-delivers rather than loses; the ids of recently handled events are remembered,
 * so a republished batch is not handed to the consumer a second time.
 */
final class ConsumerLoop implements EventBus.Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final int REMEMBERED_IDS = 100_000;
    private static final long POLL_MS = 500;
    private static final long SHARE_WAIT_MS = 5_000;

    private final String name;
    private final KafkaSettings settings;
    private final EventBus.EventConsumer consumer;
    private final DeadLetters deadLetters;
    private final KafkaConsumer<String, byte[]> kafka;
    private final Thread thread;
    private final AtomicLong lag = new AtomicLong();
    private final Counter retries;
    private final Counter deadLettered;
    private final Gauge lagGauge;
    private final MeterRegistry registry;
    private final Map<UUID, Boolean> handled = new LinkedHashMap<>(1_024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final CountDownLatch joined = new CountDownLatch(1);
    private final CountDownLatch holdsShare = new CountDownLatch(1);
    private boolean uncommitted; // handled events whose offsets are not committed yet (loop thread only)
    private volatile boolean running = true;

    ConsumerLoop(String name, EventBus.Delivery delivery, EventBus.EventConsumer consumer, KafkaSettings settings,
                 DeadLetters deadLetters, MeterRegistry registry) {
        this.name = name;
        this.settings = settings;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.registry = registry;
        // A shared group splits the partitions over the nodes; a group per node gives each node everything.
        // A new group starts at the end: a subscriber receives what is published after it subscribed, as
        // on the in-process bus (a group that exists resumes from its committed offsets).
        // Named after the topic too, so two networks sharing one Kafka cluster never share a group.
        String group = settings.topic() + "." + name + (delivery == EventBus.Delivery.ONE_NODE ? "" : "." + settings.nodeId());
        this.kafka = new KafkaConsumer<>(KafkaClients.consumer(settings, "consumer-" + name, group, "latest"));
        this.retries = Counter.builder("veltrix.kafka.consumer.retries").description("attempts repeated after a consumer failed")
                .tag("consumer", name).register(registry);
        this.deadLettered = Counter.builder("veltrix.kafka.dead.letters").description("events sent to the dead-letter topic")
                .tag("consumer", name).register(registry);
        this.lagGauge = Gauge.builder("veltrix.kafka.consumer.lag", lag, AtomicLong::get)
                .description("events on the topic this consumer has not handled yet").tag("consumer", name).register(registry);
        this.thread = Thread.ofPlatform().name("veltrix-kafka-" + name).daemon().start(this::run);
    }

    /** Waits until the consumer has joined its group and knows where to start. */
    void awaitJoined(Duration timeout) {
        try {
            if (!joined.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException("consumer " + name + " did not join its Kafka group within " + timeout
                        + "; is " + settings.bootstrapServers() + " reachable?");
            }
            // A member with more members than partitions ahead of it may stay without any: wait a few seconds only.
            holdsShare.await(SHARE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining a Kafka group", e);
        }
    }

    private void run() {
        try {
            kafka.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Handled events' offsets go to the group before another node takes the partitions.
                    if (uncommitted) {
                        uncommitted = !commit();
                    }
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!running) {
                        kafka.pause(partitions); // leaving: take nothing new in
                        return;
                    }
                    recordStart(partitions);
                    LOG.debug("consumer {} on node {} took partitions {}", name, settings.nodeId(), partitions);
                    // With cooperative rebalancing a newcomer's first assignment is empty and its share comes in
                    // a second round: subscribe() returns once the group has settled with this member in it.
                    if (!kafka.assignment().isEmpty() || !partitions.isEmpty()) {
                        holdsShare.countDown();
                    }
                    joined.countDown();
                }
            });
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(POLL_MS));
                    measureLag();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        handle(record);
                    }
                    uncommitted |= !records.isEmpty();
                    if (uncommitted) {
                        // Retried after every poll until it goes through: a commit refused during a
                        // rebalance must not leave handled events for the partitions' next owner.
                        uncommitted = !commit();
                    }
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    LOG.error("Kafka consumer {} on node {} failed; polling again in 1 s", name, settings.nodeId(), e);
                    sleep(1_000);
                }
            }
        } catch (WakeupException stopping) {
            // close() gave up waiting for the loop to end by itself
        } finally {
            commitBeforeLeaving();
            // Leaving the group hands the partitions over.
            kafka.close(Duration.ofSeconds(5));
        }
    }

    /**
     * A commit refused because a rebalance is under way would leave handled events to the next owner of
     * the partitions. So with every partition paused (nothing new is fetched, so nothing unhandled can be
     * committed) the consumer polls until the rebalance is over and its commit goes through.
     */
    private void commitBeforeLeaving() {
        try {
            kafka.pause(kafka.assignment());
            for (int round = 0; uncommitted && round < 20; round++) {
                uncommitted = !commit();
                if (uncommitted) {
                    kafka.poll(Duration.ofMillis(250));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("consumer {} on node {} could not commit before leaving; the next owner re-reads its last events",
                    name, settings.nodeId(), e);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        String onlyFor = DeadLetters.header(record.headers(), DeadLetters.ONLY_FOR);
        if (onlyFor != null && !onlyFor.equals(name)) {
            return; // a replay meant for another consumer
        }
        EventEnvelope event;
        try {
            event = EnvelopeCodec.decode(record.value());
        } catch (IllegalArgumentException poison) {
            deadLetter(record, 1, poison);
            return;
        }
        if (onlyFor == null && handled.containsKey(event.id())) {
            return;
        }
        Exception last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                consumer.accept(event);
                handled.put(event.id(), Boolean.TRUE);
                return;
            } catch (Exception e) {
                last = e;
                if (attempt < settings.attempts()) {
                    retries.increment();
                    sleep(settings.retryBackoffMs() << (attempt - 1));
                }
            }
        }
        LOG.warn("consumer {} failed on event {} ({}) {} times; it goes to {}", name, event.id(), event.type(),
                settings.attempts(), settings.deadLetterTopic(), last);
        deadLetter(record, settings.attempts(), last);
    }

    /**
     * A partition the group has never committed starts at its end ("latest"), resolved now. That start is
     * committed at once: were it left in this consumer's memory, a partition moving to another node before
     * this one handled anything there would start that node at a later end, and the events in between
     * would be skipped. So nothing published after subscribe() returned is lost to a rebalance.
     */
    private void recordStart(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(new java.util.HashSet<>(partitions));
        Map<TopicPartition, OffsetAndMetadata> starts = new java.util.HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                starts.put(partition, new OffsetAndMetadata(kafka.position(partition)));
            }
        }
        if (!starts.isEmpty()) {
            try {
                kafka.commitSync(starts);
            } catch (RebalanceInProgressException | CommitFailedException e) {
                LOG.warn("consumer {} could not record where it starts on {}; a rebalance now may skip events", name, starts.keySet());
            }
        }
    }

    /** Commits the positions of everything handled; false when it must be tried again. */
    private boolean commit() {
        try {
            kafka.commitSync();
            return true;
        } catch (RebalanceInProgressException e) {
            LOG.debug("consumer {} commits again after the rebalance in progress", name);
            return false;
        } catch (CommitFailedException e) {
            // This member was dropped from the group (a poll came too late): its partitions are elsewhere now,
            // and whoever has them sees the uncommitted events again; consumers are idempotent by event id.
            LOG.warn("consumer {} on node {} lost its partitions before committing; another member re-reads them",
                    name, settings.nodeId());
            return true;
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, int attempts, Exception error) {
        deadLetters.put(record, name, attempts, error);
        deadLettered.increment();
    }

    private void measureLag() {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            total += kafka.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The consumer's current lag, as the gauge shows it. */
    long lag() {
        return lag.get();
    }

    @Override
    public void close() {
        // Not wakeup() first: it would abort a commit in progress, and the next owner of the partitions
        // would see the batch again. The loop notices within one poll and leaves the group cleanly.
        running = false;
        try {
            thread.join(POLL_MS * 4);
            if (thread.isAlive()) {
                kafka.wakeup();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.remove(retries);
        registry.remove(deadLettered);
        registry.remove(lagGauge);
    }
}
