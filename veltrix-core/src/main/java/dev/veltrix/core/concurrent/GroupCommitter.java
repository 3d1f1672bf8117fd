package dev.veltrix.core.concurrent;

import dev.veltrix.core.error.OverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns many concurrent writes into few transactions (a domain service's port decides what a transaction is;
 * this class only groups): one writer thread takes whatever is queued (up to
 * {@code groupSizeMax}) and commits it as one transaction, so the cost of a commit (an fsync on SQLite,
 * a WAL flush on PostgreSQL) is shared by the whole group. Each caller still gets the outcome of its own
 * item only; if the group's transaction fails, each item is committed again on its own, so one caller's
 * failure never becomes another's.
 *
 * @param <T> what callers submit
 * @param <R> what each caller gets back
 */
public final class GroupCommitter<T, R> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GroupCommitter.class.getName());

    /** Commits a group in one transaction; returns one result per item, in order. */
    @FunctionalInterface
    public interface Commit<T, R> {
        List<R> commit(List<T> items);
    }

    /** Told of every committed group, for metrics. */
    @FunctionalInterface
    public interface Observer<T, R> {
        void committed(List<T> items, List<R> results, long nanos);
    }

    private record Pending<T, R>(T item, CompletableFuture<R> outcome) {
    }

    private final String name;
    private final int groupSizeMax;
    private final BlockingQueue<Pending<T, R>> queue;
    private final Commit<T, R> commit;
    private final Observer<T, R> observer;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param name what the queue holds, for messages ("ledger", "event ingest")
     */
    public GroupCommitter(String name, int groupSizeMax, int queueCapacity, Commit<T, R> commit, Observer<T, R> observer) {
        this.name = name;
        this.groupSizeMax = groupSizeMax;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.commit = commit;
        this.observer = observer;
        this.writer = Thread.ofPlatform().name("veltrix-" + name.replace(' ', '-') + "-writer").daemon().start(this::run);
    }

    /** Queues an item; the future completes once its group has committed (or with the item's own failure). */
    public CompletableFuture<R> submit(T item) {
        if (!running) {
            throw new IllegalStateException("the " + name + " is shutting down; retry against another node");
        }
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new OverloadedException("the " + name + " queue is full (" + queue.size() + " waiting); "
                    + "retry in a moment with the same request", 1);
        }
        return pending.outcome();
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending<T, R>> group = new ArrayList<>(groupSizeMax);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
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

    private void commit(List<Pending<T, R>> group) {
        long started = System.nanoTime();
        List<T> items = group.stream().map(Pending::item).toList();
        try {
            List<R> results = commit.commit(items);
            observer.committed(items, results, System.nanoTime() - started);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                LOG.log(Level.SEVERE, name + " write failed", e);
                group.getFirst().outcome().completeExceptionally(e);
                return;
            }
            // A racing key from another node or a storage hiccup: isolate each item.
            LOG.warning(name + " group commit of " + group.size() + " failed (" + e + "); committing them one by one");
            for (Pending<T, R> pending : group) {
                commit(new ArrayList<>(List.of(pending)));
            }
        }
    }

    /** Stops taking items, commits what is queued, then stops the writer. */
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
