package dev.veltrix.server.api;

import dev.veltrix.economy.ledger.Transfer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A posted transfer as the API returns it. */
public record TransferView(UUID id, UUID postingId, int leg, String from, String to, String currency, long amount,
                           String reference, Map<String, String> metadata, Instant postedAt) {
    static TransferView of(Transfer t) {
        return new TransferView(t.id(), t.postingId(), t.leg(), t.from().value(), t.to().value(), t.currency(),
                t.amount(), t.reference(), t.metadata().isEmpty() ? null : t.metadata(), t.postedAt());
    }
}
