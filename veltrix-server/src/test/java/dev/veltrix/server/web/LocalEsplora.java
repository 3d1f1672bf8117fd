package dev.veltrix.server.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bitcoin chain as an Esplora-compatible API answers it (tip height, an address's transactions), with the
 * payments a test sends and the blocks it mines: what a self-hosted electrs/esplora would say.
 */
final class LocalEsplora implements AutoCloseable {
    private final HttpServer server;
    private final AtomicLong tip = new AtomicLong(870_000);
    private final Map<String, String> txs = new ConcurrentHashMap<>();

    LocalEsplora() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/blocks/tip/height", exchange -> answer(exchange, Long.toString(tip.get())));
        server.createContext("/address/", exchange -> {
            String address = exchange.getRequestURI().getPath().split("/")[2];
            answer(exchange, "[" + txs.getOrDefault(address, "") + "]");
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A payment of {@code sats} to {@code address}, in the mempool. */
    void pay(String address, long sats) {
        txs.put(address, tx(address, sats, null));
    }

    /** Mines the payment into the next block, then {@code more} blocks on top of it. */
    void confirm(String address, long sats, int more) {
        long height = tip.incrementAndGet();
        txs.put(address, tx(address, sats, height));
        tip.addAndGet(more);
    }

    private static String tx(String address, long sats, Long height) {
        String status = height == null ? "{\"confirmed\":false}"
                : "{\"confirmed\":true,\"block_height\":" + height + ",\"block_hash\":\"b" + height + "\",\"block_time\":1764064800}";
        return "{\"txid\":\"t-" + address.substring(address.length() - 8) + "\",\"vout\":[{\"scriptpubkey_address\":\"" + address
                + "\",\"value\":" + sats + "}],\"status\":" + status + "}";
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
