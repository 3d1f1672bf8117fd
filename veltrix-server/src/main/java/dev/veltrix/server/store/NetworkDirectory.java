package dev.veltrix.server.store;

import dev.veltrix.commerce.orders.PlayerDirectory;
import dev.veltrix.network.GameServer;
import dev.veltrix.network.NetworkService;
import dev.veltrix.network.Presence;
import java.util.Optional;
import java.util.UUID;

/** The store's view of the network: names and presence as game servers report them. */
final class NetworkDirectory implements PlayerDirectory {
    private final NetworkService network;

    NetworkDirectory(NetworkService network) {
        this.network = network;
    }

    @Override
    public Optional<Known> resolve(String name) {
        return network.playerNamed(name).map(p -> new Known(p.player(), p.name()));
    }

    @Override
    public Optional<String> nameOf(UUID player) {
        return network.nameOf(player);
    }

    @Override
    public Optional<String> onlineServer(UUID player, String group) {
        Presence presence = network.presence(player);
        if (!presence.online() || (!"*".equals(group) && !group.equals(presence.group()))) {
            return Optional.empty();
        }
        return Optional.of(presence.server());
    }

    @Override
    public Optional<String> anyServer(String group) {
        return network.anyServer(group).map(GameServer::name);
    }
}
