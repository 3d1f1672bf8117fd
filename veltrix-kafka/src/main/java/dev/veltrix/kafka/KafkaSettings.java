package dev.veltrix.kafka;

import java.util.List;
import java.util.Objects;

/**
 * Every Kafka setting Veltrix uses, named and documented in docs/configuration.md; none is left to the
 * client's defaults.
 *
 * @param bootstrapServers  {@code host:port,...} of the brokers
 * @param topic             where committed events go (the relay's output)
 * @param deadLetterTopic   where events go that a consumer failed on after every attempt
 * @param partitions        partitions of a topic Veltrix creates; events of one key keep their order
 * @param replicationFactor copies of each partition (3 in production; 1 for a single test broker)
 * @param lingerMs          how long the producer waits to fill a batch
 * @param batchBytes        the producer's batch size per partition
 * @param compression       none, gzip, snappy, lz4 or zstd
 * @param attempts          how often a consumer is given an event before it goes to the dead-letter topic
 * @param retryBackoffMs    the first pause between attempts; it doubles each time
 * @param maxPollRecords    records one poll hands a consumer
 * @param nodeId            names this node's clients and its every-node groups
 */
public record KafkaSettings(String bootstrapServers, String topic, String deadLetterTopic, int partitions,
                            short replicationFactor, int lingerMs, int batchBytes, String compression, int attempts,
                            long retryBackoffMs, int maxPollRecords, String nodeId) {
    public static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("compression must be one of " + COMPRESSIONS + ", got " + compression);
        }
        if (attempts < 1 || partitions < 1 || replicationFactor < 1 || maxPollRecords < 1) {
            throw new IllegalArgumentException("attempts, partitions, replication factor and max poll records must be at least 1");
        }
    }

    /** The same settings for another node of the cluster. */
    public KafkaSettings forNode(String node) {
        return new KafkaSettings(bootstrapServers, topic, deadLetterTopic, partitions, replicationFactor, lingerMs, batchBytes,
                compression, attempts, retryBackoffMs, maxPollRecords, node);
    }

    /** Defaults for one broker, with the given topic names (tests and a first cluster). */
    public static KafkaSettings of(String bootstrapServers, String topic, String nodeId) {
        return new KafkaSettings(bootstrapServers, topic, topic + ".dead", 6, (short) 1, 5, 65_536, "lz4", 3, 200, 500, nodeId);
    }
}
