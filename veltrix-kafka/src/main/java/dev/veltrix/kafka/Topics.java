package dev.veltrix.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the event and dead-letter topics when they are missing, with settings that keep acknowledged events. */
final class Topics {
    private Topics() {
    }

    static void ensure(KafkaSettings settings) {
        // With acks=all, two in-sync copies must hold a write before it is acknowledged (one on a single broker).
        String minInSync = String.valueOf(Math.min(2, settings.replicationFactor()));
        Map<String, String> config = Map.of("min.insync.replicas", minInSync, "unclean.leader.election.enable", "false",
                "cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 3_600_000));
        try (Admin admin = Admin.create(KafkaClients.admin(settings))) {
            for (String topic : List.of(settings.topic(), settings.deadLetterTopic())) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), settings.replicationFactor())
                            .configs(config))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create Kafka topic " + topic + " on " + settings.bootstrapServers()
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }
}
