package dev.veltrix.server.metrics;

import dev.veltrix.economy.ledger.LedgerObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Ledger counters: transfers posted, refusals by reason, group sizes and commit times. */
public final class LedgerMetrics implements LedgerObserver {
    private final MeterRegistry registry;
    private final Counter transfers;
    private final Counter postings;
    private final DistributionSummary groupSize;
    private final Timer commit;
    private final Runnable afterCommit;

    public LedgerMetrics(MeterRegistry registry, Runnable afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.transfers = Counter.builder("veltrix.ledger.transfers").description("transfers posted").register(registry);
        this.postings = Counter.builder("veltrix.ledger.postings").description("postings committed, replays included")
                .register(registry);
        this.groupSize = DistributionSummary.builder("veltrix.ledger.group.size")
                .description("postings per group commit").publishPercentileHistogram().register(registry);
        this.commit = Timer.builder("veltrix.ledger.group.commit").description("time to commit one group")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void groupCommitted(int postingCount, int transferCount, long nanos) {
        postings.increment(postingCount);
        transfers.increment(transferCount);
        groupSize.record(postingCount);
        commit.record(nanos, TimeUnit.NANOSECONDS);
        afterCommit.run();
    }

    @Override
    public void refused(String problemType) {
        Counter.builder("veltrix.ledger.refusals").description("postings refused, by reason")
                .tag("reason", problemType).register(registry).increment();
    }
}
