package dev.veltrix.economy.ledger;

/** Hooks for metrics and wake-ups; the server wires Micrometer and the outbox relay here. */
public interface LedgerObserver {
    LedgerObserver NONE = new LedgerObserver() {
    };

    /** A group of postings committed in one transaction of {@code nanos}. */
    default void groupCommitted(int postings, int transfers, long nanos) {
    }

    /** A posting was refused; {@code problemType} names why, such as {@code insufficient-funds}. */
    default void refused(String problemType) {
    }
}
