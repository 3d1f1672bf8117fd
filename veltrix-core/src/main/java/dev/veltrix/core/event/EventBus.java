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

    /** Registers a consumer; it receives every event published after this call. */
    Subscription subscribe(String consumerName, EventConsumer consumer);

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
