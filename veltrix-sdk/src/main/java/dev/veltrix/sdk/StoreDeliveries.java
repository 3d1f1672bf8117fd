package dev.veltrix.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the deliveries for one game server: purchases and rewards (a battle-pass tier's command or item) that Veltrix
 * sends to this server over the stream ({@code delivery.requested}), and those it sent while the server was down
 * ({@link #catchUp()}).
 * Each delivery runs once by id in this process, then is acknowledged; if the runner throws, nothing is
 * acknowledged and Veltrix sends it again (every 30 s, or when the player next joins).
 *
 * <pre>{@code
 * StoreDeliveries deliveries = veltrix.store().deliveries("survival-1", d ->
 *         server.dispatchCommand(console, d.command()));
 * EventStream stream = veltrix.stream(event -> { deliveries.accept(event); ... });
 * deliveries.catchUp();
 * }</pre>
 */
public final class StoreDeliveries {
    private static final int REMEMBERED = 10_000;
    private final HttpTransport transport;
    private final String server;
    private final Runner runner;
    // Ids run here lately: a delivery sent again before its ack landed is acknowledged, not run twice.
    private final Set<String> ran = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** Runs one delivery's command, or hands its item, on the game server (on its main thread where the game requires it). */
    @FunctionalInterface
    public interface Runner {
        void run(Delivery delivery) throws Exception;
    }

    /**
     * A command to run, or an item to hand the player. {@code kind} is {@code command}, {@code expiry} (a timed package
     * ran out), {@code revoke} (an order was refunded) or {@code item}.
     *
     * @param order     the purchase it delivers, or null for a reward
     * @param reference what a reward delivers (such as {@code pass:winter:<player>:3:FREE}), or null for a purchase
     */
    public record Delivery(String id, String order, String reference, String player, String playerName, String command, String kind) {
        /** Whether it is an item to hand the player rather than a command to run. */
        public boolean isItem() {
            return "item".equals(kind);
        }

        /** The item id of an item delivery ({@code hytale:frost_gem}). */
        public String item() {
            return isItem() ? command.substring(0, command.lastIndexOf(' ')) : null;
        }

        /** How many of the item to hand the player. */
        public int count() {
            return isItem() ? Integer.parseInt(command.substring(command.lastIndexOf(' ') + 1)) : 0;
        }
    }

    StoreDeliveries(HttpTransport transport, String server, Runner runner) {
        this.transport = transport;
        this.server = server;
        this.runner = runner;
    }

    /** Hand every stream event here; deliveries for this server run, everything else is ignored. Returns whether it was one. */
    public boolean accept(StreamEvent event) throws Exception {
        if (!"delivery.requested".equals(event.type()) || !server.equals(event.payload().get("server"))) {
            return false;
        }
        Map<String, Object> p = event.payload();
        handle(new Delivery((String) p.get("id"), (String) p.get("order"), (String) p.get("reference"), (String) p.get("player"),
                (String) p.get("playerName"),
                (String) p.get("command"), (String) p.get("kind")));
        return true;
    }

    /** Runs what Veltrix sent this server that was never acknowledged (call once the stream is connected). Returns how many. */
    @SuppressWarnings("unchecked")
    public int catchUp() throws Exception {
        Map<String, Object> json = transport.get("/api/v1/store/deliveries?server=" + java.net.URLEncoder.encode(server,
                java.nio.charset.StandardCharsets.UTF_8));
        List<Delivery> pending = new ArrayList<>();
        for (Object item : (List<Object>) json.get("items")) {
            Map<String, Object> d = (Map<String, Object>) item;
            pending.add(new Delivery((String) d.get("id"), (String) d.get("order"), (String) d.get("reference"), (String) d.get("player"),
                    (String) d.get("playerName"),
                    (String) d.get("command"), String.valueOf(d.get("kind")).toLowerCase(java.util.Locale.ROOT)));
        }
        for (Delivery delivery : pending) {
            handle(delivery);
        }
        return pending.size();
    }

    private void handle(Delivery delivery) throws Exception {
        boolean fresh;
        synchronized (ran) {
            fresh = !ran.contains(delivery.id());
        }
        if (fresh) {
            runner.run(delivery);
            synchronized (ran) {
                ran.add(delivery.id());
            }
        }
        transport.post("/api/v1/store/deliveries/" + delivery.id() + "/ack", Map.of("server", server), null);
    }
}
