package dev.veltrix.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.network.sql.JooqNetworkStore;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Registry, presence and routing on SQLite, PostgreSQL and MariaDB. */
class NetworkContractTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    private NetworkService open(TestDatabases.IsolatedDatabase db) {
        return new NetworkService(new JooqNetworkStore(db.database()), clock, new NetworkSettings(Duration.ofSeconds(15),
                Duration.ofMinutes(5), Map.of("survival.example.net", "survival"), "lobby",
                dev.veltrix.network.chat.ChatSettings.DEFAULTS));
    }

    private static TestDatabases.IsolatedDatabase database(SqlKind kind) {
        return TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqNetworkStore.SCHEMA));
    }

    private static void network(NetworkService network) {
        network.register("lobby-1", ServerKind.GAME, "lobby", "10.0.0.1:25565", 100, List.of("eu"));
        network.register("lobby-2", ServerKind.GAME, "lobby", "10.0.0.2:25565", 100, List.of());
        network.register("survival-1", ServerKind.GAME, "survival", "10.0.0.3:25565", 50, List.of());
        network.register("proxy-1", ServerKind.PROXY, "proxy", "10.0.0.9:25577", 5_000, List.of());
        network.heartbeat("lobby-1", 50, 19.9, 2_048);
        network.heartbeat("lobby-2", 10, 20.0, 2_048);
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void playersGoToTheLeastLoadedServerNeverOneInMaintenanceAndForcedHostsPickTheGroup(SqlKind kind) {
        try (var db = database(kind)) {
            NetworkService network = open(db);
            network(network);
            UUID steve = UUID.randomUUID();
            Route route = network.route(steve, null, null);
            assertThat(route.server().name()).isEqualTo("lobby-2");
            assertThat(route.reason()).contains("default group lobby", "least loaded: lobby-2 at 10/100");

            network.maintenance("lobby-2", true);
            assertThat(network.route(steve, null, null).server().name()).isEqualTo("lobby-1");
            assertThat(network.route(steve, null, "Survival.Example.net").server().name()).isEqualTo("survival-1");
            assertThat(network.playersByGroup()).containsEntry("lobby", 60);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aReturningPlayerGoesBackWhereTheyWereWithinTheStickyWindow(SqlKind kind) {
        try (var db = database(kind)) {
            NetworkService network = open(db);
            network(network);
            UUID alex = UUID.randomUUID();
            network.join(alex, "lobby-1");
            assertThat(network.presence(alex)).satisfies(p -> {
                assertThat(p.online()).isTrue();
                assertThat(p.server()).isEqualTo("lobby-1");
                assertThat(p.group()).isEqualTo("lobby");
            });
            network.leave(alex);
            assertThat(network.presence(alex).online()).isFalse();
            clock.advance(Duration.ofMinutes(2));
            network.heartbeat("lobby-1", 50, 20, 2_048);
            network.heartbeat("lobby-2", 10, 20, 2_048);
            Route back = network.route(alex, null, null);
            assertThat(back.server().name()).as("sticky, though lobby-2 is emptier").isEqualTo("lobby-1");
            assertThat(back.reason()).contains("back to lobby-1");

            clock.advance(Duration.ofMinutes(4));
            network.heartbeat("lobby-1", 50, 20, 2_048);
            network.heartbeat("lobby-2", 10, 20, 2_048);
            assertThat(network.route(alex, null, null).server().name()).as("the window has passed").isEqualTo("lobby-2");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aServerThatStopsHeartbeatingIsDownAndItsPlayersGoOffline(SqlKind kind) {
        try (var db = database(kind)) {
            NetworkService network = open(db);
            network(network);
            UUID player = UUID.randomUUID();
            network.join(player, "lobby-2");
            clock.advance(Duration.ofSeconds(20));
            network.heartbeat("lobby-1", 50, 20, 2_048);
            assertThat(network.server("lobby-2").up()).isFalse();
            assertThat(network.route(UUID.randomUUID(), "lobby", null).server().name()).isEqualTo("lobby-1");
            assertThat(network.sweep()).isEqualTo(1);
            assertThat(network.presence(player).online()).isFalse();
            Route none = network.route(UUID.randomUUID(), "survival", null);
            assertThat(none.server()).isNull();
            assertThat(none.reason()).contains("every server of survival is down, in maintenance or full");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void badInputSaysWhatToFixAndChangesNothing(SqlKind kind) {
        try (var db = database(kind)) {
            NetworkService network = open(db);
            assertThatThrownBy(() -> network.register("Bad Name", ServerKind.GAME, "", "nowhere", 0, List.of()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(err -> err.field()).contains("name", "group", "address", "capacity"));
            assertThat(network.servers()).isEmpty();
            assertThatThrownBy(() -> network.heartbeat("ghost", 1, 20, 1)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("register it first");
            network(network);
            assertThatThrownBy(() -> network.route(UUID.randomUUID(), "skyblock", null)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("lobby");
            assertThatThrownBy(() -> network.join(UUID.randomUUID(), "proxy-1")).isInstanceOf(InvalidInputException.class);
        }
    }
}
