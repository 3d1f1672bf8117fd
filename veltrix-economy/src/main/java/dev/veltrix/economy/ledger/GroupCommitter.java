package dev.veltrix.economy.ledger;

import dev.veltrix.core.error.OverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns many concurrent postings into few transactions: one writer thread takes whatever is queued
 * (up to {@code groupSizeMax}) and commits it as one transaction, so the cost of a commit (an fsync
 * on SQLite, a WAL flush on PostgreSQL) is shared by the whole group. Each caller still gets the
 * outcome of its own posting only; if the group transaction fails, each posting is retried in a
 * transaction of its own, so one caller's failure never becomes another's.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private record Pending(Posting posting, CompletableFuture<PostOutcome> outcome) {
    }

    private final LedgerStore store;
    private final int groupSizeMax;
    private final BlockingQueue<Pending> queue;
    private final LedgerObserver observer;
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommitter(LedgerStore store, int groupSizeMax, int queueCapacity, LedgerObserver observer) {
        this.store = store;
        this.groupSizeMax = groupSizeMax;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.observer = observer;
        this.writer = Thread.ofPlatform().name("veltrix-ledger-writer").daemon().start(this::run);
    }

    CompletableFuture<PostOutcome> submit(Posting posting) {
        if (!running) {
            throw new IllegalStateException("the ledger is shutting down; retry against another node");
        }
        Pending pending = new Pending(posting, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new OverloadedException("the ledger queue is full (" + queue.size() + " postings waiting); "
                    + "retry with the same Idempotency-Key", 1);
        }
        return pending.outcome();
    }

    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending> group = new ArrayList<>(groupSizeMax);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, groupSizeMax - 1);
                commit(group);
            } catch (InterruptedException e) {
                running = false;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        long started = System.nanoTime();
        try {
            List<PostOutcome> outcomes = store.post(group.stream().map(Pending::posting).toList());
            observer.groupCommitted(group.size(), countTransfers(outcomes), System.nanoTime() - started);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                LOG.error("posting under key {} failed", group.getFirst().posting().idempotencyKey(), e);
                group.getFirst().outcome().completeExceptionally(e);
                return;
            }
            // A racing key from another node or a storage hiccup: isolate each posting.
            LOG.warn("group commit of {} postings failed ({}); committing them one by one", group.size(), e.toString());
            for (Pending pending : group) {
                commit(new ArrayList<>(List.of(pending)));
            }
        }
    }

    private static int countTransfers(List<PostOutcome> outcomes) {
        int transfers = 0;
        for (PostOutcome outcome : outcomes) {
            if (outcome instanceof PostOutcome.Posted posted && !posted.replayed()) {
                transfers += posted.transfers().size();
            }
        }
        return transfers;
    }

    /** Stops taking postings, commits what is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
