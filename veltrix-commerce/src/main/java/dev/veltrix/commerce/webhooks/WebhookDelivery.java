package dev.veltrix.commerce.webhooks;

import java.time.Instant;
import java.util.UUID;

/** One order event on its way to one endpoint: where it stands, how often it was tried, what the endpoint last said. */
public record WebhookDelivery(UUID id, String endpoint, UUID eventId, String eventType, Status status, int attempts, Instant nextAt,
                              Integer lastCode, String lastError, Instant createdAt, Instant deliveredAt) {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }
}
