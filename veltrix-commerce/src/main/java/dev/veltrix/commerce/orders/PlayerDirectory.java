package dev.veltrix.commerce.orders;

import java.util.Optional;
import java.util.UUID;

/**
 * What the store needs to know of the network: who a player name is (as game servers reported it), where a
 * player is online, and which server of a group can run a command. The server implements it over presence.
 */
public interface PlayerDirectory {
    /** The player last seen under {@code name} (case-insensitive), with the name spelled as they joined. */
    Optional<Known> resolve(String name);

    /** A player as the network knows them. */
    record Known(UUID id, String name) {
    }

    /** The name the player last joined under. */
    Optional<String> nameOf(UUID player);

    /** The server the player is online on, if it belongs to {@code group} ({@code "*"}: any group). */
    Optional<String> onlineServer(UUID player, String group);

    /** A healthy server of {@code group} ({@code "*"}: any) to run a command that needs no player online. */
    Optional<String> anyServer(String group);
}
