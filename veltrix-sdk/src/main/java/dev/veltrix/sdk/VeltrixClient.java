package dev.veltrix.sdk;

import java.util.function.Consumer;

/**
 * The entry point of the SDK for a game-server plugin. Thread-safe; create one per server and
 * share it.
 * <pre>{@code
 * VeltrixClient veltrix = VeltrixClient.create(c -> c.baseUrl("http://veltrix:8080").apiKey(key));
 * long coins = veltrix.economy().balance(player, "coins");
 * veltrix.stream(event -> notifyPlayers(event));
 * }</pre>
 */
public final class VeltrixClient implements AutoCloseable {
    private final ClientConfig config;
    private final HttpTransport transport;
    private final Economy economy;
    private final Players players;
    private final Quests quests;
    private final Market market;
    private final Exchange exchange;
    private final Claims claims;
    private final Events events;
    private final Store store;

    private VeltrixClient(ClientConfig config) {
        this.config = config;
        this.transport = new HttpTransport(config);
        this.economy = new Economy(transport);
        this.players = new Players(transport);
        this.quests = new Quests(transport);
        this.market = new Market(transport);
        this.exchange = new Exchange(transport);
        this.claims = new Claims(transport);
        this.events = new Events(transport);
        this.store = new Store(transport);
    }

    /** Builds a client; fails fast when the base URL or the key is missing. */
    public static VeltrixClient create(Consumer<ClientConfig> configure) {
        ClientConfig config = new ClientConfig();
        configure.accept(config);
        config.check();
        return new VeltrixClient(config);
    }

    /** Balances and transfers. */
    public Economy economy() {
        return economy;
    }

    /** The network's dynamic shop: prices, quotes, buying and selling. */
    public Market market() {
        return market;
    }

    /** The player currency exchange: orders, cancels, the book. */
    public Exchange exchange() {
        return exchange;
    }

    /** Land claims: a local replica for permission checks. */
    public Claims claims() {
        return claims;
    }

    /** Game events, sent in batches, each taken in once. */
    public Events events() {
        return events;
    }

    /** The store: the purchases this server delivers. */
    public Store store() {
        return store;
    }

    /** Player services, such as portal sign-in codes. */
    public Players players() {
        return players;
    }

    /** Players' quest boards and quest logs. */
    public Quests quests() {
        return quests;
    }

    /**
     * Opens the push stream; the listener receives every streamed event in order. Close the
     * returned stream when the plugin disables.
     */
    public EventStream stream(EventStream.Listener listener) {
        EventStream stream = new EventStream(config, transport.client(), listener);
        stream.start();
        return stream;
    }

    /**
     * Releases the client. In-flight calls get a few seconds to finish; then they, and any stream
     * whose server no longer answers its close, are aborted, so a plugin's disable never hangs.
     */
    @Override
    public void close() {
        if (!transport.ownsClient()) {
            return; // a shared client belongs to whoever shared it
        }
        var client = transport.client();
        client.shutdown();
        try {
            if (!client.awaitTermination(java.time.Duration.ofSeconds(5))) {
                client.shutdownNow();
            }
        } catch (InterruptedException e) {
            client.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
