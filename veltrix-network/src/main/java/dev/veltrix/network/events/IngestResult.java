package dev.veltrix.network.events;

import java.util.List;

/**
 * What became of one batch: events taken in, repeats ignored, and each rejected event with why.
 * A rejected event never stops the others of its batch.
 */
public record IngestResult(int accepted, int duplicates, List<Rejection> rejected) {

    public IngestResult {
        rejected = List.copyOf(rejected);
    }

    /**
     * @param index   the event's position in the batch, from 0
     * @param id      the event's id as sent, or null when it had none
     * @param field   the field at fault, such as {@code type}
     * @param problem what to fix
     */
    public record Rejection(int index, String id, String field, String problem) {
    }
}
