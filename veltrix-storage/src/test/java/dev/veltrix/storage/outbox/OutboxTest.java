package dev.veltrix.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.event.InProcessEventBus;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.lease.Leases;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutboxTest {


    private static EventEnvelope event(int n) {
        return new EventEnvelope(UuidV7.next(), "test.happened", "key-" + n,
                Instant.ofEpochMilli(1_700_000_000_000L + n), "test", "{\"n\":" + n + "}");
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void eventsCommittedWithTheirChangeAreReadBackInOrder(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            List<EventEnvelope> written = IntStream.range(0, 5).mapToObj(OutboxTest::event).toList();
            db.database().inTransaction(tx -> {
                Outbox.append(tx, written);
                return null;
            });
            List<StoredEvent> read = Outbox.readAfter(db.database().dsl(), 0, 100);
            assertThat(read).extracting(StoredEvent::event).containsExactlyElementsOf(written);
            assertThat(Outbox.readAfter(db.database().dsl(), read.get(2).seq(), 100)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void eventsOfARolledBackTransactionNeverAppear(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            assertThatThrownBy(() -> db.database().inTransaction(tx -> {
                Outbox.append(tx, List.of(event(1)));
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");
            assertThat(Outbox.readAfter(db.database().dsl(), 0, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aCursorOnlyMovesForward(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            var dsl = db.database().dsl();
            assertThat(Outbox.cursor(dsl, "server-a")).isZero();
            Outbox.saveCursor(dsl, "server-a", 7);
            Outbox.saveCursor(dsl, "server-a", 3);
            assertThat(Outbox.cursor(dsl, "server-a")).isEqualTo(7);
            Outbox.saveCursor(dsl, "server-a", 9);
            assertThat(Outbox.cursor(dsl, "server-a")).isEqualTo(9);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void theRelayPublishesEveryEventOnceInOrderAndResumesAfterRestart(SqlKind kind) throws Exception {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            var database = db.database();
            List<EventEnvelope> received = new CopyOnWriteArrayList<>();
            List<EventEnvelope> first = IntStream.range(0, 20).mapToObj(OutboxTest::event).toList();
            List<EventEnvelope> second = IntStream.range(20, 30).mapToObj(OutboxTest::event).toList();
            database.inTransaction(tx -> {
                Outbox.append(tx, first);
                return null;
            });
            try (var bus = new InProcessEventBus();
                 var relay = new OutboxRelay(database, bus, new Leases(database, Clock.systemUTC()), "node-1")) {
                bus.subscribe("probe", received::add);
                relay.start();
                awaitSize(received, 20);
            }
            database.inTransaction(tx -> {
                Outbox.append(tx, second);
                return null;
            });
            try (var bus = new InProcessEventBus();
                 var relay = new OutboxRelay(database, bus, new Leases(database, Clock.systemUTC()), "node-2")) {
                bus.subscribe("probe", received::add);
                relay.start();
                relay.wake();
                awaitSize(received, 30);
            }
            assertThat(received).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(first.stream(), second.stream()).toList());
        }
    }

    private static EventEnvelope typed(String type, int n) {
        return new EventEnvelope(UuidV7.next(), type, "key-" + n, Instant.ofEpochMilli(1_700_000_000_000L + n), "test", "{\"n\":" + n + "}");
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aFollowerOfSomeTypesGetsOnlyThoseAndItsCursorPassesTheRest(SqlKind kind) throws Exception {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            var database = db.database();
            append(database, List.of(typed("ledger.moved", 1), typed("ledger.moved", 2), typed("ledger.moved", 3)));
            List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
            try (var follower = new OutboxFollower(database, new Leases(database, Clock.systemUTC()), "games", "games", "node-1",
                    100, 50, type -> type.startsWith("game."), (batch, lastSeq) -> {
                        batch.forEach(stored -> handled.add(stored.event()));
                        append(database, List.of(), lastSeq);
                    })) {
                follower.start();
                // Nothing it takes: no batch, but its cursor moves past what it passed over.
                awaitCursor(database, "games", Outbox.lastSeq(database.dsl()));
                assertThat(handled).isEmpty();
                List<EventEnvelope> mixed = List.of(typed("game.kill", 4), typed("ledger.moved", 5), typed("game.mine", 6),
                        typed("ledger.moved", 7));
                append(database, mixed);
                follower.wake();
                awaitSize(handled, 2);
                awaitCursor(database, "games", Outbox.lastSeq(database.dsl()));
                assertThat(handled).containsExactly(mixed.get(0), mixed.get(2));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aFollowerThatSavesTheCursorItselfSavesItAtMostOncePerIntervalAndWhenStopped(SqlKind kind) throws Exception {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            var database = db.database();
            List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
            append(database, List.of(typed("item.sold", 1), typed("item.sold", 2)));
            long firstBatchEnd = Outbox.lastSeq(database.dsl());
            try (var follower = new OutboxFollower(database, new Leases(database, Clock.systemUTC()), "pub", "pub", "node-1",
                    100, 50, type -> true, 60_000, (batch, lastSeq) -> batch.forEach(stored -> handled.add(stored.event())))) {
                follower.start();
                awaitSize(handled, 2);
                awaitCursor(database, "pub", firstBatchEnd); // the first save is not held back
                append(database, List.of(typed("item.sold", 3), typed("item.sold", 4)));
                follower.wake();
                awaitSize(handled, 4);
                Thread.sleep(200);
                assertThat(Outbox.cursor(database.dsl(), "pub")).as("not saved again within the interval").isEqualTo(firstBatchEnd);
            }
            assertThat(Outbox.cursor(database.dsl(), "pub")).as("saved when stopped").isEqualTo(Outbox.lastSeq(database.dsl()));
        }
    }

    private static void append(dev.veltrix.storage.Database database, List<EventEnvelope> events) {
        append(database, events, -1);
    }

    /** Appends events and, when {@code cursor >= 0}, saves the "games" reader's cursor in the same transaction. */
    private static void append(dev.veltrix.storage.Database database, List<EventEnvelope> events, long cursor) {
        database.inTransaction(tx -> {
            if (!events.isEmpty()) {
                Outbox.append(tx, events);
            }
            if (cursor >= 0) {
                Outbox.saveCursor(tx, "games", cursor);
            }
            return null;
        });
    }

    private static void awaitCursor(dev.veltrix.storage.Database database, String consumer, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Outbox.cursor(database.dsl(), consumer) < seq && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Outbox.cursor(database.dsl(), consumer)).isEqualTo(seq);
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aTypedCommitListenerWakesOnlyForCommitsThatWroteItsTypes(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            var database = db.database();
            java.util.concurrent.atomic.AtomicInteger games = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger all = new java.util.concurrent.atomic.AtomicInteger();
            database.afterCommitOf(type -> type.startsWith("game."), games::incrementAndGet);
            database.afterCommit(all::incrementAndGet);
            database.inTransaction(tx -> {
                Outbox.append(tx, List.of(typed("ledger.moved", 1), typed("ledger.moved", 2)));
                return null;
            });
            database.inTransaction(tx -> null);
            assertThat(games).hasValue(0);
            database.inTransaction(tx -> {
                Outbox.append(tx, List.of(typed("ledger.moved", 3), typed("game.kill", 4)));
                return null;
            });
            assertThat(games).hasValue(1);
            // A transaction that rolls back wakes nobody, and what it appended is not carried into the next one.
            assertThatThrownBy(() -> database.inTransaction(tx -> {
                Outbox.append(tx, List.of(typed("game.kill", 5)));
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");
            database.inTransaction(tx -> {
                Outbox.append(tx, List.of(typed("ledger.moved", 6)));
                return null;
            });
            assertThat(games).hasValue(1);
            assertThat(all).hasValue(4);
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSize(size);
    }
}
