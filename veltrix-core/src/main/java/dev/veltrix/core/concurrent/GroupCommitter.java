package dev.veltrix.core.concurrent;

import dev.veltrix.core.error.OverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns many concurrent writes into few transactions (a domain service's port decides what a transaction is;
 * this class only groups): a writer thread takes whatever is queued (up to
 * {@code groupSizeMax}) and commits it as one transaction, so the cost of a commit (an fsync on SQLite,
 * a WAL flush on PostgreSQL) is shared by the whole group. Each caller still gets the outcome of its own
 * item only; if the group's transaction fails, each item is committed again on its own, so one caller's
 * failure never becomes another's.
 *
 * <p>A commit may return before its transaction is on disk ({@code durable}): the writer then takes the next group while
 * the disk syncs the last, and the callers are answered once their group is synced.
 *
 * <p>With more than one writer, each takes the next group while the others' are still in their transactions: on a
 * database server that runs transactions side by side, one group's round trips and commit flush overlap another's
 * work. The groups' transactions must then be safe to run concurrently, as they are between two nodes of a cluster.
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
    private final Supplier<CompletableFuture<Void>> durable;
    private final List<Thread> writers;
    private volatile boolean running = true;

    /**
     * One writer thread.
     *
     * @param name what the queue holds, for messages ("ledger", "event ingest")
     */
    public GroupCommitter(String name, int groupSizeMax, int queueCapacity, Commit<T, R> commit, Observer<T, R> observer) {
        this(name, groupSizeMax, queueCapacity, 1, commit, observer);
    }

    /** @param writerCount how many groups may be in their transactions at once */
    public GroupCommitter(String name, int groupSizeMax, int queueCapacity, int writerCount, Commit<T, R> commit,
                          Observer<T, R> observer) {
        this(name, groupSizeMax, queueCapacity, writerCount, commit, observer, () -> CompletableFuture.completedFuture(null));
    }

    /**
     * @param durable asked after each commit; completes once that commit is on disk (at once for commits that sync
     *                themselves), and only then are its callers answered
     */
    public GroupCommitter(String name, int groupSizeMax, int queueCapacity, int writerCount, Commit<T, R> commit,
                          Observer<T, R> observer, Supplier<CompletableFuture<Void>> durable) {
        if (writerCount < 1) {
            throw new IllegalArgumentException("a group committer needs a writer, got " + writerCount);
        }
        this.name = name;
        this.groupSizeMax = groupSizeMax;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.commit = commit;
        this.observer = observer;
        this.durable = durable;
        String threadName = "veltrix-" + name.replace(' ', '-') + "-writer";
        List<Thread> started = new ArrayList<>(writerCount);
        for (int i = 0; i < writerCount; i++) {
            started.add(Thread.ofPlatform().name(writerCount == 1 ? threadName : threadName + "-" + (i + 1)).daemon().start(this::run));
        }
        this.writers = List.copyOf(started);
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
            List<Pending<T, R>> members = List.copyOf(group); // the writer reuses its list for the next group meanwhile
            durable.get().whenComplete((synced, failure) -> answer(members, items, results, failure, started));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                LOG.log(Level.SEVERE, name + " write failed", e);
                group.getFirst().outcome().completeExceptionally(e);
                return;
            }
            // A racing key from another node or a storage hiccup: isolate each item.
            LOG.warning(name + " group commit of " + group.size() + " failed (" + rootCause(e) + "); committing them one by one");
            for (Pending<T, R> pending : group) {
                commit(new ArrayList<>(List.of(pending)));
            }
        }
    }

    private void answer(List<Pending<T, R>> group, List<T> items, List<R> results, Throwable failure, long started) {
        if (failure != null) {
            // Committed but perhaps not on disk: the callers retry with their keys and get the stored outcome.
            LOG.log(Level.SEVERE, name + " group of " + group.size() + " committed but could not be synced", failure);
            group.forEach(pending -> pending.outcome().completeExceptionally(failure));
            return;
        }
        observer.committed(items, results, System.nanoTime() - started);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).outcome().complete(results.get(i));
        }
    }

    /** The database's own words rather than the wrappers' ("Error while running ConnectionCallable"). */
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Stops taking items, commits what is queued, then stops the writers. */
    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (Thread writer : writers) {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
