package dev.veltrix.economy.ledger;

/**
 * Tuning of the ledger's group commit.
 *
 * @param groupSizeMax  most postings committed in one transaction
 * @param queueCapacity most postings waiting for the writer; beyond it callers get 503 and retry
 * @param timeoutMs     longest a caller waits for its posting's outcome
 */
public record LedgerSettings(int groupSizeMax, int queueCapacity, long timeoutMs) {
    public static final LedgerSettings DEFAULTS = new LedgerSettings(256, 16_384, 30_000);

    public LedgerSettings {
        if (groupSizeMax < 1 || groupSizeMax > 4_096) {
            throw new IllegalArgumentException("groupSizeMax must be 1..4096, got " + groupSizeMax);
        }
        if (queueCapacity < groupSizeMax || queueCapacity > 1_000_000) {
            throw new IllegalArgumentException("queueCapacity must be groupSizeMax..1000000, got " + queueCapacity);
        }
        if (timeoutMs < 100 || timeoutMs > 600_000) {
            throw new IllegalArgumentException("timeoutMs must be 100..600000, got " + timeoutMs);
        }
    }
}
