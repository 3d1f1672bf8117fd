package dev.veltrix.economy.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A posted transfer: immutable, part of exactly one posting (a single transfer or an atomic batch). */
public record Transfer(UUID id, UUID postingId, int leg, AccountId from, AccountId to, String currency,
                       long amount, String reference, Map<String, String> metadata, Instant postedAt) {
}
