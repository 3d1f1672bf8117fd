package dev.veltrix.commerce.crypto;

/** A chain's API (Esplora, an Ethereum node) is down or answered something else than its API; the watcher tries again later. */
public final class WatcherUnavailableException extends RuntimeException {
    public WatcherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
