package dev.veltrix.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.lease.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutboxPrunerTest {


    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void deletesOnlyEventsThatArePublishedAndOlderThanTheRetention(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
            Instant old = clock.instant().minus(Duration.ofDays(8));
            Instant recent = clock.instant().minus(Duration.ofDays(1));
            List<EventEnvelope> events = IntStream.range(0, 12).mapToObj(i -> new EventEnvelope(UuidV7.next(),
                    "test.happened", "k" + i, i < 8 ? old : recent, "test", "{}")).toList();
            db.database().inTransaction(tx -> {
                Outbox.append(tx, events);
                return null;
            });
            List<StoredEvent> stored = Outbox.readAfter(db.database().dsl(), 0, 100);
            // The relay has published the first 5 only; 3 more old events still wait for it.
            Outbox.saveCursor(db.database().dsl(), OutboxRelay.CONSUMER, stored.get(4).seq());

            var pruner = new OutboxPruner(db.database(), new Leases(db.database(), clock), clock, Duration.ofDays(7), "n1");
            assertThat(pruner.pruneOnce()).isEqualTo(5);
            assertThat(Outbox.readAfter(db.database().dsl(), 0, 100)).extracting(StoredEvent::seq)
                    .containsExactlyElementsOf(stored.subList(5, 12).stream().map(StoredEvent::seq).toList());

            Outbox.saveCursor(db.database().dsl(), OutboxRelay.CONSUMER, stored.get(11).seq());
            assertThat(pruner.pruneOnce()).as("the other old events, once published").isEqualTo(3);
            assertThat(pruner.pruneOnce()).as("recent events stay").isZero();
            assertThat(Outbox.readAfter(db.database().dsl(), 0, 100)).hasSize(4);
        }
    }
}
