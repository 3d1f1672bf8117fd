package dev.veltrix.kafka;

import java.time.Instant;

/**
 * An event a consumer failed on after every attempt, as kept in the dead-letter topic.
 *
 * @param partition the dead-letter topic's partition; with {@code offset}, what names it for a replay
 * @param eventId   the event's id, or null when the record was not a Veltrix event at all
 * @param value     the record as it was on the event topic
 */
public record DeadLetter(int partition, long offset, String consumer, String error, int attempts, Instant failedAt,
                         String eventId, String type, String value) {

    /** {@code partition:offset}, as the CLI takes it. */
    public String position() {
        return partition + ":" + offset;
    }
}
