package dev.veltrix.economy.ledger;

import dev.veltrix.core.error.VeltrixException;
import java.util.List;

/** What became of one posting in a group commit. */
public sealed interface PostOutcome {

    /** The legs are posted; {@code replayed} when this key had been posted before and nothing new happened. */
    record Posted(List<Transfer> transfers, boolean replayed) implements PostOutcome {
    }

    /** Refused as a whole; no leg was applied. */
    record Refused(VeltrixException reason) implements PostOutcome {
    }
}
