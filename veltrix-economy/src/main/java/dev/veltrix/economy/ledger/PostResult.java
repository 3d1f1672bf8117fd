package dev.veltrix.economy.ledger;

import java.util.List;
import java.util.UUID;

/** The result a caller receives for a posting, the same on every retry with the same key. */
public record PostResult(UUID postingId, List<Transfer> transfers, boolean replayed) {
}
