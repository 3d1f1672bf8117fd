package dev.veltrix.core.event;

import java.util.List;

/**
 * Carries committed events from the outbox relay to the consumers inside this node or the cluster.
 *
 * <p>Delivery is at least once: a consumer may see an event again after a crash of the relay, so
 * consumers remember the ids they handled. Publishing happens only after the events are committed.
 */
public interface EventBus extends AutoCloseable {

    /** Publishes committed events in order; returns once the bus has accepted all of them. */
    void publish(List<EventEnvelope> events);

    /**
     * Registers a consumer; it receives the events published after this call. In a cluster, consumers
     * of the same name on several nodes share the work ({@link Delivery#ONE_NODE}) or each see every
     * event ({@link Delivery#EVERY_NODE}); with one node the two are the same.
     */
    Subscription subscribe(String consumerName, Delivery delivery, EventConsumer consumer);

    /** A consumer whose work is done once for the whole cluster, such as granting XP for a game event. */
    default Subscription subscribe(String consumerName, EventConsumer consumer) {
        return subscribe(consumerName, Delivery.ONE_NODE, consumer);
    }

    /** Who in a cluster receives an event. */
    enum Delivery {
        /** One node of the cluster handles each event (a consumer group). */
        ONE_NODE,
        /** Every node handles each event, such as waking the game servers connected to it. */
        EVERY_NODE
    }

    @Override
    void close();

    /** A consumer of events. Throwing makes the bus log the failure with the event id and go on. */
    @FunctionalInterface
    interface EventConsumer {
        void accept(EventEnvelope event) throws Exception;
    }

    /** Ends a subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
