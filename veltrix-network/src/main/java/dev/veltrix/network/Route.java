package dev.veltrix.network;

/**
 * Where to send a player, and why (for the proxy's log and the operator).
 *
 * @param server null when no server can take the player; {@code reason} says why
 */
public record Route(GameServer server, String group, String reason) {
}
