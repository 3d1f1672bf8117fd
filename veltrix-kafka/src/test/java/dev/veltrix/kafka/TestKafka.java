package dev.veltrix.kafka;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real single-node KRaft broker per test JVM, started on first use. Tests keep apart by using
 * topics and groups of their own.
 */
public final class TestKafka {
    private static EmbeddedKafkaKraftBroker broker;

    private TestKafka() {
    }

    /** The broker's bootstrap address, starting it when needed. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
            started.brokerProperty("auto.create.topics.enable", "false");
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-test-broker-stop"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
