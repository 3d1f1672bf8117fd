package dev.veltrix.commerce.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * NOWPayments' invoice API as they publish it, on localhost: {@code POST /v1/invoice} with {@code x-api-key}
 * answers an invoice id and its payment page; the invoices asked for are kept for the test to pay.
 */
public final class LocalNowPayments implements AutoCloseable {
    public static final String API_KEY = "NP-TEST-KEY";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(4_522_625_843L);
    public final List<JsonNode> invoices = new CopyOnWriteArrayList<>();

    public LocalNowPayments() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/invoice", this::invoice);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void invoice(HttpExchange exchange) throws IOException {
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
            answer(exchange, 403, "{\"status\":false,\"statusCode\":403,\"code\":\"INVALID_API_KEY\",\"message\":\"Invalid api key\"}");
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        invoices.add(request);
        long id = ids.incrementAndGet();
        answer(exchange, 200, "{\"id\":\"" + id + "\",\"order_id\":\"" + request.path("order_id").asText() + "\",\"price_amount\":\""
                + request.path("price_amount").asText() + "\",\"price_currency\":\"" + request.path("price_currency").asText()
                + "\",\"invoice_url\":\"https://nowpayments.io/payment/?iid=" + id + "\",\"created_at\":\"2026-11-25T10:00:00.000Z\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
