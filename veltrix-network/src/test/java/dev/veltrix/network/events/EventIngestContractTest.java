package dev.veltrix.network.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.network.NetworkService;
import dev.veltrix.network.NetworkSettings;
import dev.veltrix.network.ServerKind;
import dev.veltrix.network.sql.JooqNetworkStore;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Event ingest on SQLite, PostgreSQL and MariaDB: each event once, bad events rejected alone. */
class EventIngestContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();

    private EventIngest open(TestDatabases.IsolatedDatabase db) {
        NetworkService network = new NetworkService(new JooqNetworkStore(db.database()), clock, NetworkSettings.DEFAULTS);
        network.register("survival-1", ServerKind.GAME, "survival", "10.0.0.3:25565", 50, List.of());
        return new EventIngest(db.database(), network, clock, JSON, taken::addAndGet);
    }

    private static TestDatabases.IsolatedDatabase database(SqlKind kind) {
        return TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqNetworkStore.SCHEMA));
    }

    private static JsonNode events(String json) throws Exception {
        return JSON.readTree(json);
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aBatchSentTwiceIsTakenInOnceAndReachesTheOutboxAsGameEvents(SqlKind kind) throws Exception {
        try (var db = database(kind)) {
            EventIngest ingest = open(db);
            UUID steve = UUID.randomUUID();
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            JsonNode batch = events("[{\"id\":\"" + first + "\",\"type\":\"mob.killed\",\"player\":\"" + steve
                    + "\",\"data\":{\"mob\":\"zombie\"}},{\"id\":\"" + second + "\",\"type\":\"block.mined\",\"player\":\"" + steve
                    + "\",\"occurredAt\":\"2026-03-01T11:59:00Z\"},{\"id\":\"" + first + "\",\"type\":\"mob.killed\"}]");

            IngestResult result = ingest.ingest("survival-1", batch);
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.duplicates()).isEqualTo(1); // the same id twice in one batch counts once
            IngestResult again = ingest.ingest("survival-1", batch);
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(3);
            assertThat(taken.get()).as("events reported taken in, for the metric").isEqualTo(2);

            List<StoredEvent> outbox = Outbox.readAfter(db.database().dsl(), 0, 100);
            assertThat(outbox).extracting(e -> e.event().type()).containsExactly("game.mob.killed", "game.block.mined");
            assertThat(outbox.getFirst().event().id()).isEqualTo(first);
            assertThat(outbox.getFirst().event().key()).isEqualTo(steve.toString());
            assertThat(JSON.readTree(outbox.getFirst().event().payload()).path("data").path("mob").asText()).isEqualTo("zombie");
            assertThat(outbox.get(1).event().occurredAt()).isEqualTo(Instant.parse("2026-03-01T11:59:00Z"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aBadEventIsRejectedWithItsReasonAndTheRestOfTheBatchGoesIn(SqlKind kind) throws Exception {
        try (var db = database(kind)) {
            EventIngest ingest = open(db);
            IngestResult result = ingest.ingest("survival-1", events("[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"mob.killed\"},"
                    + "{\"id\":\"not-a-uuid\",\"type\":\"mob.killed\"},"
                    + "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"Mob Killed\"},"
                    + "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"mob.killed\",\"occurredAt\":\"2026-03-01T13:00:00Z\"},"
                    + "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"mob.killed\",\"colour\":\"red\"},"
                    + "42]"));
            assertThat(result.accepted()).isEqualTo(1);
            assertThat(result.rejected()).extracting(IngestResult.Rejection::index, IngestResult.Rejection::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "id"), org.assertj.core.groups.Tuple.tuple(2, "type"),
                            org.assertj.core.groups.Tuple.tuple(3, "occurredAt"), org.assertj.core.groups.Tuple.tuple(4, "colour"),
                            org.assertj.core.groups.Tuple.tuple(5, "event"));
            assertThat(result.rejected().get(2).problem()).contains("ahead of Veltrix's clock");
            assertThat(Outbox.readAfter(db.database().dsl(), 0, 100)).hasSize(1);

            ArrayNode tooMany = JSON.createArrayNode();
            for (int i = 0; i <= EventIngest.BATCH_MAX; i++) {
                tooMany.addObject().put("id", UUID.randomUUID().toString()).put("type", "mob.killed");
            }
            assertThatThrownBy(() -> ingest.ingest("survival-1", tooMany)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("at most 1000 events per batch, got 1001");
            assertThatThrownBy(() -> ingest.ingest("creative-9", events("[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"a.b\"}]")))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("creative-9");
            assertThat(Outbox.readAfter(db.database().dsl(), 0, 100)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void idsAreForgottenOnlyAfterTheRetention(SqlKind kind) throws Exception {
        try (var db = database(kind)) {
            EventIngest ingest = open(db);
            JsonNode batch = events("[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"mob.killed\"}]");
            ingest.ingest("survival-1", batch);
            clock.advance(Duration.ofHours(2));
            assertThat(ingest.prune(clock.instant().minus(Duration.ofHours(3)))).isZero();
            assertThat(ingest.ingest("survival-1", batch).duplicates()).isEqualTo(1);
            assertThat(ingest.prune(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);
        }
    }
}
