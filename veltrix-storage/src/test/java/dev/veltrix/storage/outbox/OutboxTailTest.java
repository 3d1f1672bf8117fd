package dev.veltrix.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.StorageConfig;
import dev.veltrix.storage.StorageSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTailTest {

    private static void insertAt(DSLContext dsl, long seq) {
        dsl.insertInto(table(name("outbox_events")))
                .columns(field(name("seq")), field(name("event_id")), field(name("type")), field(name("event_key")),
                        field(name("occurred_at")), field(name("source")), field(name("payload")))
                .values(seq, UUID.randomUUID().toString(), "test.happened", "k", 0L, "test", "{}")
                .execute();
    }

    @Test
    void waitsAtAGapUntilItFillsThenPassesAnAbandonedOneAfterTheGrace(@TempDir Path dir) {
        // Rows written straight, in any order, as a server database shows them; with NORMAL sync every committed row is
        // readable at once (syncing every commit, rows written outside a transaction wait for the next log sync).
        StorageConfig config = new StorageConfig("jdbc:sqlite:" + dir.resolve("veltrix.db"), "", "", 4, StorageConfig.SqliteSync.NORMAL);
        try (Database db = Database.open(config)) {
            db.migrate(List.of(StorageSchema.MODULE));
            DSLContext dsl = db.dsl();
            AtomicLong nowMs = new AtomicLong();
            OutboxTail tail = new OutboxTail(0, 1_000, nowMs::get);
            insertAt(dsl, 1);
            insertAt(dsl, 3); // seq 2 is still "in flight"
            assertThat(tail.next(dsl, 10)).extracting(StoredEvent::seq).containsExactly(1L);

            insertAt(dsl, 2); // the late transaction commits
            assertThat(tail.next(dsl, 10)).extracting(StoredEvent::seq).containsExactly(2L, 3L);

            insertAt(dsl, 5); // seq 4 was rolled back and never comes
            assertThat(tail.next(dsl, 10)).isEmpty();
            nowMs.addAndGet(999);
            assertThat(tail.next(dsl, 10)).isEmpty();
            nowMs.addAndGet(1);
            assertThat(tail.next(dsl, 10)).extracting(StoredEvent::seq).containsExactly(5L);
            assertThat(tail.position()).isEqualTo(5);
        }
    }
}
