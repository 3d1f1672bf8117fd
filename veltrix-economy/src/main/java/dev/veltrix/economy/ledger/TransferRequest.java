package dev.veltrix.economy.ledger;

import java.util.Map;
import java.util.Objects;

/**
 * One leg a caller asks the ledger to post. Checked by {@link LedgerService} against the
 * currencies that exist and the limits below, with every problem reported at once.
 *
 * @param reference free text the caller can search by later (an order id, a shop item), or null
 * @param metadata  small string map stored with the transfer, never interpreted
 */
public record TransferRequest(AccountId from, AccountId to, String currency, long amount,
                              String reference, Map<String, String> metadata) {
    /** Largest amount of one transfer, and the largest magnitude of any balance (10^18 minor units). */
    public static final long AMOUNT_MAX = 1_000_000_000_000_000_000L;
    public static final int REFERENCE_LENGTH_MAX = 200;
    public static final int METADATA_ENTRIES_MAX = 16;
    public static final int METADATA_TEXT_LENGTH_MAX = 256;

    public TransferRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(currency, "currency");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
