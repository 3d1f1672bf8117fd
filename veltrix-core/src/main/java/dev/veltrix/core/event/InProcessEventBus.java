package dev.veltrix.core.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded mode's bus: consumers are called on the publishing thread, in order.
 *
 * <p>The relay that publishes is a single thread, so each consumer sees events in outbox order.
 * A failing consumer is logged and skipped so one faulty consumer cannot stall the others; the
 * outbox still holds the event for anyone who must re-read it.
 */
public final class InProcessEventBus implements EventBus {
    private static final Logger LOG = Logger.getLogger(InProcessEventBus.class.getName());
    private final List<Registration> consumers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            for (Registration registration : consumers) {
                try {
                    registration.consumer.accept(event);
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "consumer " + registration.name + " failed on event " + event.id()
                            + " (" + event.type() + ")", e);
                }
            }
        }
    }

    @Override
    public Subscription subscribe(String consumerName, Delivery delivery, EventConsumer consumer) {
        Registration registration = new Registration(
                Objects.requireNonNull(consumerName, "consumerName"), Objects.requireNonNull(consumer, "consumer"));
        consumers.add(registration);
        return () -> consumers.remove(registration);
    }

    @Override
    public void close() {
        consumers.clear();
    }

    private record Registration(String name, EventConsumer consumer) {
    }
}
