package dev.veltrix.storage.outbox;

import dev.veltrix.core.event.EventEnvelope;
import java.util.Objects;

/** An event as the outbox holds it: its position in the outbox and the envelope. */
public record StoredEvent(long seq, EventEnvelope event) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive, got " + seq);
        }
    }
}
