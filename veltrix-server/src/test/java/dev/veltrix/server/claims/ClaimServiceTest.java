package dev.veltrix.server.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.claims.Action;
import dev.veltrix.claims.Box;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.ClaimRules;
import dev.veltrix.claims.Subjects;
import dev.veltrix.claims.Trust;
import dev.veltrix.claims.World;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.server.http.Json;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims on SQLite, PostgreSQL and MariaDB: overlaps refused even when asked for at the same instant. */
class ClaimServiceTest {
    private static final ClaimRules RULES = new ClaimRules(10_000, 100, 80_000, 5, 100, 0, 0.5);

    private static ClaimService open(TestDatabases.IsolatedDatabase db) {
        ClaimService claims = new ClaimService(db.database(), RULES, Clock.systemUTC(), Json.mapper());
        claims.defineWorld(World.standard("world", ""));
        return claims;
    }

    private static TestDatabases.IsolatedDatabase database(SqlKind kind) {
        return TestDatabases.open(kind, List.of(StorageSchema.MODULE, ClaimService.SCHEMA));
    }

    private static ClaimDraft square(UUID owner, int x, int z, int size) {
        return new ClaimDraft("world", owner, new Box(x, World.MIN_Y, z, x + size - 1, World.MAX_Y, z + size - 1), null, false);
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void overlappingClaimsAreRefusedNamingTheClaimInTheWay(SqlKind kind) {
        try (var db = database(kind)) {
            ClaimService claims = open(db);
            UUID alice = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            Claim home = claims.create(square(alice, 0, 0, 20));
            assertThatThrownBy(() -> claims.create(square(bob, 15, 15, 20)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(home.id().toString())
                    .hasMessageContaining("player " + alice);
            assertThat(claims.create(square(bob, 20, 0, 20)).owner()).as("touching is not overlapping").isEqualTo(bob);
            assertThat(claims.at("world", 5, 70, 5)).isEqualTo(home);

            ClaimService restarted = open(db);
            assertThat(restarted.at("world", 5, 70, 5)).as("reloaded from the database").isEqualTo(home);
            assertThat(restarted.blocks(alice).used()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void twoServersAskingForOverlappingLandAtTheSameInstantCannotBothGetIt(SqlKind kind) throws Exception {
        try (var db = database(kind); ExecutorService pool = Executors.newFixedThreadPool(8)) {
            ClaimService claims = open(db);
            for (int round = 0; round < 5; round++) {
                int x = round * 1_000;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Claim>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int shift = i * 3;
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return claims.create(square(UUID.randomUUID(), x + shift, shift, 30));
                    }));
                }
                start.countDown();
                int created = 0;
                for (Future<Claim> attempt : attempts) {
                    try {
                        attempt.get();
                        created++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    }
                }
                assertThat(created).as("round %d: exactly one of 8 overlapping claims", round).isEqualTo(1);
            }
            assertThat(open(db).worlds()).containsExactly("world");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void resizeKeepsClearOfNeighboursAndTransferNeedsTheNewOwnersBlocks(SqlKind kind) {
        try (var db = database(kind)) {
            ClaimService claims = open(db);
            UUID alice = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            Claim home = claims.create(square(alice, 0, 0, 20));
            Claim neighbour = claims.create(square(bob, 40, 0, 20));
            Claim sub = claims.create(new ClaimDraft("world", null, new Box(2, 0, 2, 5, 10, 5), home.id(), false));

            Claim bigger = claims.resize(home.id(), new Box(0, World.MIN_Y, 0, 29, World.MAX_Y, 19));
            assertThat(claims.at("world", 25, 70, 5)).isEqualTo(bigger);
            assertThat(claims.blocks(alice).used()).isEqualTo(600);
            assertThatThrownBy(() -> claims.resize(home.id(), new Box(0, World.MIN_Y, 0, 45, World.MAX_Y, 19)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(neighbour.id().toString());
            assertThatThrownBy(() -> claims.resize(home.id(), new Box(10, World.MIN_Y, 0, 29, World.MAX_Y, 19)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(sub.id().toString());

            claims.transfer(home.id(), bob);
            assertThat(claims.claim(home.id()).owner()).isEqualTo(bob);
            assertThat(claims.check(bob, List.of(), Action.BUILD, "world", 3, 5, 3)).containsEntry("allowed", true);
            assertThat(claims.claim(sub.id()).owner()).as("the subdivision moved with it").isEqualTo(bob);
            assertThat(claims.blocks(alice).used()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void playTimeEarnsBlocksUpToTheCapAndEachReportCountsOnce(SqlKind kind) {
        try (var db = database(kind)) {
            ClaimService claims = new ClaimService(db.database(), new ClaimRules(100, 100, 500, 5, 100, 0, 1.0),
                    Clock.systemUTC(), Json.mapper());
            UUID player = UUID.randomUUID();
            assertThat(claims.accrue(player, 45, "r1").accrued()).isEqualTo(75);
            assertThat(claims.accrue(player, 45, "r1").accrued()).as("a repeated report").isEqualTo(75);
            assertThat(claims.accrue(player, 1_000, "r2").accrued()).as("capped").isEqualTo(500);
            assertThat(claims.blocks(player).available()).isEqualTo(600);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void membersOfAGroupGetItsTermsOnceAServerReportsTheirGroups(SqlKind kind) {
        try (var db = database(kind)) {
            ClaimService claims = new ClaimService(db.database(), new ClaimRules(100, 100, 80_000, 5, 100, 1, 1.0),
                    List.of(dev.veltrix.claims.GroupRule.parse("vip:initial-blocks=1000;blocks-per-hour=300;max-per-player=2")),
                    Clock.systemUTC(), Json.mapper());
            claims.defineWorld(World.standard("world", ""));
            UUID player = UUID.randomUUID();
            claims.create(square(player, 0, 0, 10));
            assertThatThrownBy(() -> claims.create(square(player, 100, 0, 10)))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("owns 1 claims");
            assertThat(claims.accrue(player, 60, "hour-1", List.of("vip")).initial()).isEqualTo(1_000);
            assertThat(claims.blocks(player).accrued()).as("300 an hour for a vip").isEqualTo(300);
            assertThat(claims.create(square(player, 100, 0, 10)).owner()).as("a vip may own two").isEqualTo(player);
            assertThat(claims.blocks(player).available()).isEqualTo(1_000 + 300 - 200);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void subdivisionsTrustAndAbandonKeepTheBooksOfBlocks(SqlKind kind) {
        try (var db = database(kind)) {
            ClaimService claims = open(db);
            UUID owner = UUID.randomUUID();
            UUID friend = UUID.randomUUID();
            Claim base = claims.create(square(owner, 100, 100, 40));
            Claim shop = claims.create(new ClaimDraft("world", null, new Box(110, 60, 110, 119, 80, 119), base.id(), false));
            assertThat(shop.owner()).as("a subdivision belongs to the claim's owner").isEqualTo(owner);
            claims.trust(base.id(), Subjects.player(friend), Trust.BUILD);
            assertThat(claims.check(friend, List.of(), Action.BUILD, "world", 115, 70, 115)).containsEntry("allowed", true)
                    .containsEntry("claim", shop.id());
            assertThatThrownBy(() -> claims.create(new ClaimDraft("world", null, new Box(90, 60, 90, 99, 80, 99), base.id(), false)))
                    .isInstanceOf(InvalidInputException.class);

            assertThat(claims.blocks(owner).available()).isEqualTo(10_000 - 1_600);
            claims.abandon(base.id());
            assertThat(claims.at("world", 115, 70, 115)).as("the subdivision went with it").isNull();
            assertThat(claims.blocks(owner).available()).as("half of 1,600 returned").isEqualTo(10_000 - 800);
            assertThatThrownBy(() -> claims.create(square(owner, 0, 0, 100)))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("has 9200 claim blocks");
            assertThatThrownBy(() -> claims.at("mars", 0, 0, 0)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> claims.create(square(owner, 0, 0, 4)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().toString())
                            .contains("at least 5 blocks wide", "at least 100 blocks"));
        }
    }
}
