package dev.veltrix.storage.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeasesTest {


    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void onlyOneNodeHoldsALeaseUntilItExpiresOrIsReleased(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
            Leases leases = new Leases(db.database(), clock);
            Duration ttl = Duration.ofSeconds(10);

            assertThat(leases.tryAcquire("sweep", "node-a", ttl)).isTrue();
            assertThat(leases.tryAcquire("sweep", "node-b", ttl)).isFalse();
            assertThat(leases.tryAcquire("sweep", "node-a", ttl)).as("the holder renews").isTrue();

            clock.advance(Duration.ofSeconds(11));
            assertThat(leases.tryAcquire("sweep", "node-b", ttl)).as("an expired lease moves").isTrue();
            assertThat(leases.tryAcquire("sweep", "node-a", ttl)).isFalse();

            leases.release("sweep", "node-b");
            assertThat(leases.tryAcquire("sweep", "node-a", ttl)).as("a released lease is free at once").isTrue();
        }
    }
}
