package dev.veltrix.progression.quests;

import dev.veltrix.core.error.FieldError;

/**
 * One thing wrong with quest content: where it is ({@code nodes[3].target}, {@code edges[7].to}), the node it concerns
 * (for the editor to show it there; null when none), and what is wrong and how to fix it.
 */
public record ContentProblem(String where, String node, String message) {
    public FieldError asFieldError() {
        return new FieldError(where, node == null ? message : node + ": " + message);
    }
}
