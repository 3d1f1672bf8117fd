package dev.veltrix.commerce.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A JSON-RPC 2.0 client of an Ethereum node (geth, erigon, a hosted endpoint, ganache in tests). */
public final class EthereumRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();

    public EthereumRpc(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Calls {@code method}; params are JSON values (strings, booleans, objects). A null result is returned as JSON null. */
    public JsonNode call(String method, Object... params) {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object param : params) {
            array.addPOJO(param);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new WatcherUnavailableException("the Ethereum node at " + endpoint + " answered " + response.statusCode()
                        + " to " + method, null);
            }
            JsonNode body = JSON.readTree(response.body());
            if (body.hasNonNull("error")) {
                throw new WatcherUnavailableException("the Ethereum node at " + endpoint + " refused " + method + ": "
                        + body.get("error").path("message").asText(body.get("error").toString()), null);
            }
            return body.path("result");
        } catch (IOException e) {
            throw new WatcherUnavailableException("the Ethereum node at " + endpoint + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WatcherUnavailableException("interrupted while asking the Ethereum node", e);
        }
    }

    public long blockNumber() {
        return quantity(call("eth_blockNumber")).longValueExact();
    }

    /** A hex quantity ({@code 0x1a}) as a number. */
    public static BigInteger quantity(JsonNode hex) {
        String text = hex.asText("");
        if (!text.startsWith("0x") || text.length() < 3) {
            throw new WatcherUnavailableException("the Ethereum node answered " + hex + " where a hex quantity belongs", null);
        }
        return new BigInteger(text.substring(2), 16);
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
