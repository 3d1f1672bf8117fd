package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The first time a payment was seen survives later sightings, racing watchers and a restart. */
class FirstSeenContractTest {
    private static final Instant MEMPOOL = Instant.parse("2026-11-25T10:10:00Z");
    private static final Instant BLOCK = Instant.parse("2026-11-25T10:22:00Z");

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void theFirstAnswerIsKeptAcrossSightingsRacesAndRestarts(SqlKind kind) throws Exception {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, AddressBook.SCHEMA))) {
            FirstSeen seen = FirstSeen.stored(db.database());
            assertThat(seen.firstSeen("tx1", "bc1qa", MEMPOOL)).isEqualTo(MEMPOOL);
            assertThat(seen.firstSeen("tx1", "bc1qa", BLOCK)).as("its block came later").isEqualTo(MEMPOOL);
            assertThat(FirstSeen.stored(db.database()).firstSeen("tx1", "bc1qa", BLOCK)).as("after a restart").isEqualTo(MEMPOOL);
            assertThat(seen.firstSeen("tx1", "bc1qb", BLOCK)).as("another output of the same transaction").isEqualTo(BLOCK);

            var first = CompletableFuture.supplyAsync(() -> seen.firstSeen("tx2", "bc1qa", MEMPOOL));
            var second = CompletableFuture.supplyAsync(() -> FirstSeen.stored(db.database()).firstSeen("tx2", "bc1qa", BLOCK));
            assertThat(first.get()).as("two watchers racing agree").isEqualTo(second.get());
        }
    }
}
