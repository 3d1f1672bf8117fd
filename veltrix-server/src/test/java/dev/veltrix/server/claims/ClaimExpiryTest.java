package dev.veltrix.server.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.claims.Box;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.ClaimRules;
import dev.veltrix.claims.World;
import dev.veltrix.server.http.Json;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inactive owners are warned, then their claims go to a restorable archive; protected owners keep theirs. */
class ClaimExpiryTest {

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void warnThenArchiveThenRestore(SqlKind kind) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, ClaimService.SCHEMA))) {
            ClaimService claims = new ClaimService(db.database(), new ClaimRules(10_000, 100, 80_000, 5, 100, 0, 1.0), clock,
                    Json.mapper());
            claims.defineWorld(World.standard("world", ""));
            List<String> hooked = new java.util.concurrent.CopyOnWriteArrayList<>();
            ClaimArchive archive = new ClaimArchive(claims);
            ClaimExpiry expiry = new ClaimExpiry(claims, archive, new ExpiryPolicy(60, 50, List.of(7, 1), 30, null), Json.mapper(),
                    hooked::add);
            UUID idle = UUID.randomUUID();
            UUID veteran = UUID.randomUUID();
            Claim home = claims.create(new ClaimDraft("world", idle, new Box(0, World.MIN_Y, 0, 9, World.MAX_Y, 9), null, false));
            claims.create(new ClaimDraft("world", veteran, new Box(50, World.MIN_Y, 0, 59, World.MAX_Y, 9), null, false));
            claims.accrue(veteran, 60, "veteran-hour"); // 100 earned blocks: above the protection threshold of 50

            clock.advance(Duration.ofDays(53).plusHours(1));
            assertThat(expiry.sweep().warned()).as("7 days ahead").isEqualTo(1);
            assertThat(expiry.sweep().warned()).as("once per lead time").isZero();
            assertThat(hooked).singleElement().asString().contains(idle.toString(), "\"leadDays\":7");
            assertThat(expiry.expiringWithin(7)).singleElement().satisfies(row -> assertThat(row.get("owner")).isEqualTo(idle));

            clock.advance(Duration.ofDays(6));
            assertThat(expiry.sweep().warned()).as("1 day ahead").isEqualTo(1);

            clock.advance(Duration.ofDays(2));
            assertThat(expiry.sweep().expired()).isEqualTo(1);
            assertThat(claims.at("world", 5, 64, 5)).isNull();
            assertThat(claims.at("world", 55, 64, 5)).as("the protected owner keeps theirs").isNotNull();
            assertThat(archive.list()).singleElement().satisfies(row -> assertThat(row.get("id")).isEqualTo(home.id().toString()));

            assertThat(archive.restore(home.id())).isEqualTo(home);
            assertThat(claims.at("world", 5, 64, 5)).isEqualTo(home);
            assertThat(archive.list()).isEmpty();
            assertThat(expiry.sweep().expired()).as("restoring counts as activity").isZero();
        }
    }
}
