package dev.veltrix.network;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the registry keeps servers and sessions. {@code downBefore}: heartbeats older than this mean down. */
public interface NetworkStore {

    void register(GameServer server);

    /** Records a heartbeat; false when no such server is registered. */
    boolean heartbeat(String name, int players, double tps, int memoryMb, Instant at);

    boolean maintenance(String name, boolean on);

    List<GameServer> servers(Instant downBefore);

    Optional<GameServer> server(String name, Instant downBefore);

    /** Puts a player on a server, remembering the one they were on (or last left). */
    void join(UUID player, String server, Instant at);

    void leave(UUID player, Instant at);

    /** Remembers the name a player joined under. */
    void rememberName(UUID player, String name, Instant at);

    /** The player who joined last under {@code name}, case-insensitive. */
    Optional<PlayerName> playerNamed(String name);

    /** The name a player last joined under. */
    Optional<String> nameOf(UUID player);

    /** Takes every player of a server offline (it went down); returns how many. */
    int leaveAll(String server, Instant at);

    Optional<Session> session(UUID player);

    /**
     * A player's session: the server they are on (null when offline), since when, and the server they
     * were on before and when they left it (for sticky routing).
     */
    record Session(String server, Instant since, String lastServer, Instant leftAt) {
    }
}
