package dev.veltrix.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.StoredEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipelined commit on SQLite is acknowledged, and its events read, only once the log holding it has been synced: the
 * sync is held back here to see that nothing runs ahead of it.
 */
class WalSyncTest {
    private static final long WAIT_MS = 10_000;

    private static EventEnvelope event(String type) {
        return new EventEnvelope(UUID.randomUUID(), type, "k", Instant.now(), "test", "{}");
    }

    private static Database open(Path dir) {
        Database db = Database.open(StorageConfig.sqlite(dir.resolve("veltrix.db").toString()));
        db.migrate(List.of(StorageSchema.MODULE));
        return db;
    }

    private static long appendPipelined(Database db, String type) {
        return db.inPipelinedTransaction(tx -> {
            Outbox.append(tx, List.of(event(type)));
            return Outbox.lastSeq(tx);
        });
    }

    @Test
    void aRoundCoversWhatCommittedBeforeItAndNothingIsDurableUntilTheLogIsSynced(@TempDir Path dir) throws Exception {
        try (Database db = open(dir)) {
            Semaphore syncs = new Semaphore(0);
            List<Set<String>> woken = new CopyOnWriteArrayList<>();
            syncs.release(); // the first round, made as it opens, for what an earlier process left unsynced
            try (WalSync sync = new WalSync(dir.resolve("veltrix.db"), db.dataSource(), woken::add, wal -> acquire(syncs))) {
                long seq = appendPipelined(db, "test.pipelined");
                CompletableFuture<Void> durable = sync.request(Set.of("test.pipelined"));

                assertThat(durable).as("acknowledged before its sync").isNotDone();
                Thread.sleep(200);
                assertThat(durable).as("acknowledged before its sync").isNotDone();
                assertThat(sync.durableSeq()).as("readable before its sync").isLessThan(seq);

                syncs.release(1_000); // this round, and any idle round that began before it
                durable.get(WAIT_MS, TimeUnit.MILLISECONDS);
                assertThat(sync.durableSeq()).isEqualTo(seq);
                assertThat(woken).contains(Set.of("test.pipelined"));
            }
        }
    }

    @Test
    void aLogThatCannotBeSyncedFailsTheWritesWaitingForIt(@TempDir Path dir) throws Exception {
        try (Database db = open(dir)) {
            AtomicBoolean failing = new AtomicBoolean(false);
            try (WalSync sync = new WalSync(dir.resolve("veltrix.db"), db.dataSource(), types -> { }, wal -> {
                if (failing.get()) {
                    throw new IOException("No space left on device");
                }
            })) {
                sync.request(Set.of()).get(WAIT_MS, TimeUnit.MILLISECONDS);
                long before = sync.durableSeq();
                failing.set(true);
                appendPipelined(db, "test.lost");
                CompletableFuture<Void> durable = sync.request(Set.of());
                assertThat(durable).failsWithin(WAIT_MS, TimeUnit.MILLISECONDS).withThrowableOfType(ExecutionException.class)
                        .withMessageContaining("could not be synced to disk").withMessageContaining("No space left on device");
                assertThat(sync.durableSeq()).as("events of an unsynced commit stay unread").isEqualTo(before);
            }
        }
    }

    @Test
    void outboxReadersSeePipelinedEventsOnceSyncedAndAreWokenForThem(@TempDir Path dir) throws Exception {
        try (Database db = open(dir)) {
            CountDownLatch woken = new CountDownLatch(1);
            db.afterCommitOf("test.typed"::equals, woken::countDown);
            long seq = appendPipelined(db, "test.typed");
            db.synced().get(WAIT_MS, TimeUnit.MILLISECONDS);

            assertThat(Database.readableOutboxSeq(db.dsl())).isGreaterThanOrEqualTo(seq);
            assertThat(Outbox.readAfter(db.dsl(), 0, 10)).extracting(StoredEvent::seq).containsExactly(seq);
            assertThat(woken.await(WAIT_MS, TimeUnit.MILLISECONDS)).as("reader woken").isTrue();
        }
    }

    @Test
    void anEventOfACommitThatSyncedItselfIsReadableAsSoonAsItReturns(@TempDir Path dir) {
        try (Database db = open(dir)) {
            CountDownLatch woken = new CountDownLatch(1);
            db.afterCommitOf("test.full"::equals, woken::countDown);
            long seq = db.inTransaction(tx -> {
                Outbox.append(tx, List.of(event("test.full"), event("test.full")));
                return Outbox.lastSeq(tx);
            });
            assertThat(woken.getCount()).as("reader woken by the commit").isZero();
            assertThat(Outbox.readAfter(db.dsl(), 0, 10)).extracting(StoredEvent::seq).containsExactly(seq - 1, seq);
        }
    }

    @Test
    void roundsThatMakeNothingNewReadableWakeNobody(@TempDir Path dir) throws Exception {
        try (Database db = open(dir)) {
            java.util.concurrent.atomic.AtomicInteger woken = new java.util.concurrent.atomic.AtomicInteger();
            db.afterCommit(woken::incrementAndGet);
            db.synced().get(WAIT_MS, TimeUnit.MILLISECONDS);
            Thread.sleep(500); // two idle rounds at least
            assertThat(woken).hasValue(0);
            appendPipelined(db, "test.pipelined");
            db.synced().get(WAIT_MS, TimeUnit.MILLISECONDS);
            assertThat(woken).hasValueGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void elsewhereEveryCommittedEventIsReadable(@TempDir Path dir) {
        StorageConfig noSync = new StorageConfig("jdbc:sqlite:" + dir.resolve("veltrix.db"), "", "", 4, StorageConfig.SqliteSync.NORMAL);
        try (Database db = Database.open(noSync)) {
            assertThat(Database.readableOutboxSeq(db.dsl())).isEqualTo(Long.MAX_VALUE);
            assertThat(db.synced()).isDone();
        }
    }

    private static void acquire(Semaphore syncs) throws IOException {
        try {
            if (!syncs.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new IOException("the test never let this sync through");
            }
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }
}
