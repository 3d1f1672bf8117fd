package dev.veltrix.network;

import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The server registry, player presence and routing. Servers register and heartbeat; one that stops
 * heartbeating is down, and a sweep takes its players offline. Routing sends a player to the
 * least-loaded healthy server of their group that has room, back to the server they just left when
 * they return within the sticky window, never to a server in maintenance, and says why.
 */
public final class NetworkService {
    public static final java.util.regex.Pattern PLAYER_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_]{3,16}");
    private final List<java.util.function.Consumer<UUID>> joinListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final NetworkStore store;
    private final Clock clock;
    private final NetworkSettings settings;

    public NetworkService(NetworkStore store, Clock clock, NetworkSettings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    /** Registers a server, or updates its registration; it counts as just heard from. */
    public GameServer register(String name, ServerKind kind, String group, String address, int capacity, List<String> tags) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "1..64 of a-z 0-9 _ . - starting with a letter or digit, got " + name));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "GAME or PROXY"));
        }
        if (group == null || !GROUP.matcher(group).matches()) {
            errors.add(new FieldError("group", "1..32 of a-z 0-9 _ -, such as lobby or survival; got " + group));
        }
        if (address == null || !address.matches("[A-Za-z0-9.:\\[\\]-]{1,200}:\\d{1,5}")) {
            errors.add(new FieldError("address", "host:port the proxy connects to, got " + address));
        }
        if (capacity < 1 || capacity > 100_000) {
            errors.add(new FieldError("capacity", "1..100000 players, got " + capacity));
        }
        if (tags == null || tags.size() > 20 || tags.stream().anyMatch(t -> t.contains(",") || t.isBlank() || t.length() > 32)) {
            errors.add(new FieldError("tags", "up to 20 tags of 1..32 characters without commas"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the server is invalid; nothing was registered", errors);
        }
        GameServer server = new GameServer(name, kind, group, address, capacity, List.copyOf(tags), false, 0, 20.0, 0,
                clock.instant(), true);
        store.register(server);
        return server(name);
    }

    public void heartbeat(String name, int players, double tps, int memoryMb) {
        if (players < 0 || tps < 0 || tps > 1_000 || memoryMb < 0) {
            throw InvalidInputException.of("players", "players, tps and memoryMb must be zero or more (tps at most 1000)");
        }
        if (!store.heartbeat(name, players, tps, memoryMb, clock.instant())) {
            throw new NotFoundException("no server " + name + "; register it first with POST /api/v1/servers");
        }
    }

    /** Drains a server (no new players are routed to it) or opens it again. */
    public GameServer maintenance(String name, boolean on) {
        if (!store.maintenance(name, on)) {
            throw new NotFoundException("no server " + name);
        }
        return server(name);
    }

    public List<GameServer> servers() {
        return store.servers(downBefore());
    }

    public GameServer server(String name) {
        return store.server(name, downBefore()).orElseThrow(() -> new NotFoundException("no server " + name
                + "; GET /api/v1/servers lists them"));
    }

    /** Takes the players of servers that stopped heartbeating offline; returns how many. */
    public int sweep() {
        int cleaned = 0;
        for (GameServer server : servers()) {
            if (!server.up()) {
                cleaned += store.leaveAll(server.name(), clock.instant());
            }
        }
        return cleaned;
    }

    /** Online players per group, from the servers' heartbeats. */
    public Map<String, Integer> playersByGroup() {
        Map<String, Integer> counts = new TreeMap<>();
        for (GameServer server : servers()) {
            if (server.up() && server.kind() == ServerKind.GAME) {
                counts.merge(server.group(), server.players(), Integer::sum);
            }
        }
        return counts;
    }

    /** A player joined a server, or switched to it. */
    public void join(UUID player, String serverName) {
        join(player, serverName, null);
    }

    /** A player joined a server under {@code name} (null when the server did not say), or switched to it. */
    public void join(UUID player, String serverName, String name) {
        if (name != null && !PLAYER_NAME.matcher(name).matches()) {
            throw InvalidInputException.of("name", "the player's in-game name: 3..16 letters, digits or _");
        }
        GameServer server = server(serverName);
        if (server.kind() != ServerKind.GAME) {
            throw InvalidInputException.of("server", serverName + " is a proxy; report the game server the player is on");
        }
        store.join(player, serverName, clock.instant());
        if (name != null) {
            store.rememberName(player, name, clock.instant());
        }
        joinListeners.forEach(listener -> listener.accept(player));
    }

    /** Runs {@code listener} after each join on this node (the store sends deliveries that waited for the player). */
    public void onJoin(java.util.function.Consumer<UUID> listener) {
        joinListeners.add(listener);
    }

    /** The player who last joined under {@code name}, case-insensitive. */
    public Optional<PlayerName> playerNamed(String name) {
        return name == null || !PLAYER_NAME.matcher(name).matches() ? Optional.empty() : store.playerNamed(name);
    }

    /** The name a player last joined under, or empty when no server reported one. */
    public Optional<String> nameOf(UUID player) {
        return store.nameOf(player);
    }

    /** The least-loaded healthy game server of {@code group} ({@code "*"}: any group) that is not in maintenance. */
    public Optional<GameServer> anyServer(String group) {
        return servers().stream().filter(s -> s.kind() == ServerKind.GAME && s.up() && !s.maintenance())
                .filter(s -> "*".equals(group) || s.group().equals(group))
                .min(java.util.Comparator.comparingInt(GameServer::players));
    }

    public void leave(UUID player) {
        store.leave(player, clock.instant());
    }

    public Presence presence(UUID player) {
        Optional<NetworkStore.Session> session = store.session(player);
        if (session.isEmpty() || session.get().server() == null) {
            return new Presence(player, false, null, null, null);
        }
        String name = session.get().server();
        String group = store.server(name, downBefore()).map(GameServer::group).orElse(null);
        return new Presence(player, true, name, group, session.get().since());
    }

    /**
     * Where to send a player: the group from the request, else the forced host's, else the default; then the
     * server they left within the sticky window if it can take them, else the least-loaded one that can.
     */
    public Route route(UUID player, String group, String host) {
        String target = group;
        String why;
        if (target != null) {
            why = "group " + target + " asked for";
        } else if (host != null && settings.forcedHosts().containsKey(host.toLowerCase(Locale.ROOT))) {
            target = settings.forcedHosts().get(host.toLowerCase(Locale.ROOT));
            why = "forced host " + host + " -> group " + target;
        } else {
            target = settings.defaultGroup();
            why = "default group " + target;
        }
        String wanted = target;
        List<GameServer> candidates = servers().stream().filter(s -> s.group().equals(wanted)).toList();
        if (candidates.isEmpty()) {
            throw new NotFoundException("no server in group " + wanted + "; groups are " + servers().stream()
                    .map(GameServer::group).distinct().sorted().toList());
        }
        Optional<NetworkStore.Session> session = store.session(player);
        if (session.isPresent() && session.get().lastServer() != null && session.get().leftAt() != null
                && session.get().leftAt().plus(settings.stickyWindow()).isAfter(clock.instant())) {
            String last = session.get().lastServer();
            Optional<GameServer> back = candidates.stream().filter(s -> s.name().equals(last) && s.accepting()).findFirst();
            if (back.isPresent()) {
                return new Route(back.get(), wanted, why + "; back to " + last + ", left "
                        + (clock.instant().getEpochSecond() - session.get().leftAt().getEpochSecond()) + " s ago");
            }
        }
        Optional<GameServer> least = candidates.stream().filter(GameServer::accepting)
                .min(Comparator.comparingDouble(GameServer::load).thenComparing(GameServer::name));
        if (least.isEmpty()) {
            return new Route(null, wanted, why + "; every server of " + wanted + " is down, in maintenance or full");
        }
        GameServer chosen = least.get();
        return new Route(chosen, wanted, why + "; least loaded: " + chosen.name() + " at " + chosen.players() + "/"
                + chosen.capacity());
    }

    private Instant downBefore() {
        return clock.instant().minus(settings.heartbeatTimeout());
    }
}
