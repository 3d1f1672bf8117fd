package dev.veltrix.network;

/** A game server players play on, or a proxy they connect through. */
public enum ServerKind {
    GAME, PROXY
}
