package dev.veltrix.economy.ledger;

import java.util.List;
import java.util.Objects;

/**
 * A validated request to post legs atomically, under an idempotency key.
 *
 * @param requestHash SHA-256 of the canonical request; the same key with another hash is refused
 * @param effect      rows of another feature committed with the transfers, or null
 */
public record Posting(String idempotencyKey, String requestHash, List<TransferRequest> legs, SameTransaction effect) {
    public Posting {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a posting needs at least one leg");
        }
    }

    public Posting(String idempotencyKey, String requestHash, List<TransferRequest> legs) {
        this(idempotencyKey, requestHash, legs, null);
    }
}
