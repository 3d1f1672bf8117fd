package dev.veltrix.kafka;

import dev.veltrix.core.event.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The dead-letter topic: consumers put there what they failed on after every attempt; an admin lists
 * it and replays an entry, which sends the event again to that one consumer only.
 */
public final class DeadLetters implements AutoCloseable {
    static final String CONSUMER = "veltrix-consumer";
    static final String ERROR = "veltrix-error";
    static final String ATTEMPTS = "veltrix-attempts";
    static final String FAILED_AT = "veltrix-failed-at";
    /** On a replayed record: the one consumer that should handle it. */
    static final String ONLY_FOR = "veltrix-only-for";
    private static final int ERROR_CHARS_MAX = 500;

    private final KafkaSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final boolean ownsProducer;

    DeadLetters(KafkaSettings settings, KafkaProducer<String, byte[]> producer, boolean ownsProducer) {
        this.settings = settings;
        this.producer = producer;
        this.ownsProducer = ownsProducer;
    }

    /** The dead-letter topic on its own, for the admin's CLI (no node running). */
    public static DeadLetters open(KafkaSettings settings) {
        return new DeadLetters(settings, new KafkaProducer<>(KafkaClients.producer(settings, "dead-letter-admin")), true);
    }

    @Override
    public void close() {
        if (ownsProducer) {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Keeps a failed record; waits for the broker, so its offset is committed only once this is safe. */
    void put(ConsumerRecord<String, byte[]> record, String consumer, int attempts, Exception error) {
        String message = String.valueOf(error);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(settings.deadLetterTopic(), record.key(), record.value());
        letter.headers().add(CONSUMER, bytes(consumer)).add(ERROR, bytes(message.substring(0, Math.min(message.length(), ERROR_CHARS_MAX))))
                .add(ATTEMPTS, bytes(String.valueOf(attempts))).add(FAILED_AT, bytes(Instant.now().toString()));
        try {
            producer.send(letter).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + settings.deadLetterTopic(), e.getCause());
        }
    }

    /** The dead-letter topic from its start, oldest first per partition, at most {@code limit} entries. */
    public List<DeadLetter> list(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, got " + limit);
        }
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            List<TopicPartition> partitions = reader.partitionsFor(settings.deadLetterTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            while (out.size() < limit && partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    if (out.size() < limit) {
                        out.add(read(record));
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
        return out;
    }

    /** Sends the event at {@code partition:offset} of the dead-letter topic again, to the consumer that failed on it. */
    public DeadLetter replay(int partition, long offset) {
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            TopicPartition where = new TopicPartition(settings.deadLetterTopic(), partition);
            reader.assign(List.of(where));
            Long end = reader.endOffsets(List.of(where)).get(where);
            if (end == null || offset < 0 || offset >= end) {
                throw new IllegalArgumentException("no dead letter at " + partition + ":" + offset + "; list them with veltrix dead-letters list");
            }
            reader.seek(where, offset);
            for (int polls = 0; polls < 20; polls++) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        DeadLetter letter = read(record);
                        ProducerRecord<String, byte[]> again = new ProducerRecord<>(settings.topic(), record.key(), record.value());
                        again.headers().add(ONLY_FOR, bytes(letter.consumer()));
                        producer.send(again).get();
                        return letter;
                    }
                }
            }
            throw new IllegalStateException("the dead letter at " + partition + ":" + offset + " could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the replayed event to " + settings.topic(), e.getCause());
        }
    }

    private KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(KafkaClients.consumer(settings, "dead-letter-reader", null, "earliest"));
    }

    private static DeadLetter read(ConsumerRecord<String, byte[]> record) {
        String eventId = null;
        String type = null;
        try {
            EventEnvelope event = EnvelopeCodec.decode(record.value());
            eventId = event.id().toString();
            type = event.type();
        } catch (IllegalArgumentException notAnEvent) {
            // kept as it came; the value below shows what it was
        }
        String failedAt = header(record.headers(), FAILED_AT);
        String attempts = header(record.headers(), ATTEMPTS);
        return new DeadLetter(record.partition(), record.offset(), header(record.headers(), CONSUMER), header(record.headers(), ERROR),
                attempts == null ? 0 : Integer.parseInt(attempts), failedAt == null ? null : Instant.parse(failedAt), eventId, type,
                new String(record.value(), StandardCharsets.UTF_8));
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
