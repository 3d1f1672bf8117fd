package dev.veltrix.bench;

import dev.veltrix.economy.ledger.LedgerObserver;
import java.util.concurrent.atomic.LongAdder;

/** Counts group commits during a run, so a result can say how large groups were and how long they took. */
final class GroupStats implements LedgerObserver {
    private final LongAdder groups = new LongAdder();
    private final LongAdder postings = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    @Override
    public void groupCommitted(int postingCount, int transferCount, long commitNanos) {
        groups.increment();
        postings.add(postingCount);
        nanos.add(commitNanos);
    }

    void reset() {
        groups.reset();
        postings.reset();
        nanos.reset();
    }

    String summary() {
        long g = Math.max(1, groups.sum());
        return String.format("%d groups, %.1f postings per group, %.2f ms per group commit",
                groups.sum(), postings.sum() / (double) g, nanos.sum() / 1e6 / g);
    }
}
