package dev.veltrix.network;

import java.util.UUID;

/** A player and the in-game name they last joined under, spelled as the game server reported it. */
public record PlayerName(UUID player, String name) {
}
