package dev.veltrix.economy.ledger;

/**
 * Tuning of the ledger's group commit.
 *
 * @param groupSizeMax  most postings committed in one transaction
 * @param queueCapacity most postings waiting for the writer; beyond it callers get 503 and retry
 * @param timeoutMs     longest a caller waits for its posting's outcome
 * @param writers       groups in their transactions at once, where the store can run them side by side
 *                      ({@link LedgerStore#concurrentWriters}): one group's round trips and commit overlap another's
 */
public record LedgerSettings(int groupSizeMax, int queueCapacity, long timeoutMs, int writers) {
    public static final int WRITERS_MAX = 16;
    public static final LedgerSettings DEFAULTS = new LedgerSettings(256, 16_384, 30_000, 2);

    /** One writer. */
    public LedgerSettings(int groupSizeMax, int queueCapacity, long timeoutMs) {
        this(groupSizeMax, queueCapacity, timeoutMs, 1);
    }

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
        if (writers < 1 || writers > WRITERS_MAX) {
            throw new IllegalArgumentException("writers must be 1.." + WRITERS_MAX + ", got " + writers);
        }
    }
}
