package dev.veltrix.sdk;

/** The network's store as a game server sees it: running what players bought. Needs a key with the {@code store} scope. */
public final class Store {
    private final HttpTransport transport;

    Store(HttpTransport transport) {
        this.transport = transport;
    }

    /** Deliveries for the game server registered as {@code server}, run by {@code runner}. */
    public StoreDeliveries deliveries(String server, StoreDeliveries.Runner runner) {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("the server's registered name is needed: deliveries are addressed to it");
        }
        return new StoreDeliveries(transport, server, runner);
    }
}
