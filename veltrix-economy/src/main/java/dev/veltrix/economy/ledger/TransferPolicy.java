package dev.veltrix.economy.ledger;

import java.util.List;

/**
 * The operator's rules for transfers asked for through the ledger's own API (not those other
 * features post): it may add legs, such as a tax, or refuse, such as a cap. Idempotency keys are
 * checked against the request as sent, so a retry matches even if the policy changed meanwhile.
 */
@FunctionalInterface
public interface TransferPolicy {
    TransferPolicy NONE = legs -> legs;

    /** The legs to post for these requested legs; throws a {@code VeltrixException} to refuse. */
    List<TransferRequest> apply(List<TransferRequest> legs);

    /** Told when a refusal of {@link #apply} stood (it was not a retry of a key already posted). */
    default void refused(List<TransferRequest> legs, RuntimeException reason) {
    }
}
