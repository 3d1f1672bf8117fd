package dev.veltrix.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared feed hands every session the streamed events after its cursor, whether they are still
 * in the ring or only in the database, and skips the types game servers do not receive.
 */
class StreamFeedTest {

    @Test
    void aReaderFarBehindCatchesUpFromTheDatabaseThenFromTheRingWithoutAGapOrARepeat() throws Exception {
        try (var db = TestDatabases.open(SqlKind.SQLITE, List.of(StorageSchema.MODULE))) {
            var database = db.database();
            StreamFeed feed = new StreamFeed(database, new ObjectMapper(), Set.of("chat.posted"), 4, () -> { });
            feed.start();
            try {
                List<EventEnvelope> written = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    // Every third event is of a type the stream does not carry.
                    String type = i % 3 == 2 ? "transfer.failed" : "chat.posted";
                    written.add(new EventEnvelope(UuidV7.next(), type, "global", Instant.now(), "network", "{\"n\":" + i + "}"));
                }
                database.inTransaction(tx -> {
                    Outbox.append(tx, written);
                    return null;
                });
                long last = Outbox.lastSeq(database.dsl());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (feed.after(last, 10).upTo() < last && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }

                List<String> received = new ArrayList<>();
                long cursor = 0;
                for (int round = 0; round < 20; round++) {
                    StreamFeed.Batch batch = feed.after(cursor, 3);
                    batch.frames().forEach(f -> received.add(f.text()));
                    cursor = batch.upTo();
                }
                assertThat(cursor).isEqualTo(last);
                assertThat(received).hasSize(20);
                for (int i = 0, n = 0; i < 30; i++) {
                    if (i % 3 != 2) {
                        assertThat(received.get(n++)).contains("\"n\":" + i + "}").contains("\"type\":\"chat.posted\"");
                    }
                }
                // Up to date: the ring answers with nothing new and the same position.
                assertThat(feed.after(last, 10).frames()).isEmpty();
            } finally {
                feed.close();
            }
        }
    }
}
