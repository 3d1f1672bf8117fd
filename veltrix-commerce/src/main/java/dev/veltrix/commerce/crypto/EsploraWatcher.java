package dev.veltrix.commerce.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads payments to Bitcoin addresses from an Esplora-compatible REST API (a self-hosted electrs/esplora or
 * a public one): the transactions of an address and the chain tip give each payment's amount and its
 * confirmations. A payment keeps the time it was first seen ({@link FirstSeen}), so one seen in the mempool
 * before an invoice expired is not late because its block came after, nor after a restart.
 */
public final class EsploraWatcher implements ChainWatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONFIRMED_PAGE = 25; // Esplora's page of confirmed transactions
    private static final int PAGES_MAX = 40;

    private final URI base;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FirstSeen firstSeen;

    /**
     * @param base      such as {@code https://blockstream.info/api} or a local {@code http://127.0.0.1:3002}
     * @param firstSeen where first-seen times are kept ({@link FirstSeen#stored} in the server)
     */
    public EsploraWatcher(URI base, Clock clock, FirstSeen firstSeen) {
        this.base = base;
        this.clock = clock;
        this.firstSeen = firstSeen;
    }

    /** Every payment to {@code address}, confirmed or not, with its confirmations as of the current tip. */
    @Override
    public List<ObservedPayment> payments(String address) {
        long tip;
        try {
            tip = Long.parseLong(get("/blocks/tip/height").strip());
        } catch (NumberFormatException e) {
            throw new WatcherUnavailableException("Esplora at " + base + " answered a tip height that is not a number", e);
        }
        List<ObservedPayment> payments = new ArrayList<>();
        String path = "/address/" + address + "/txs";
        for (int page = 0; page < PAGES_MAX; page++) {
            JsonNode txs = json(get(path));
            int confirmedHere = 0;
            String lastConfirmed = null;
            for (JsonNode tx : txs) {
                BigInteger paid = BigInteger.ZERO;
                for (JsonNode out : tx.path("vout")) {
                    if (address.equals(out.path("scriptpubkey_address").asText())) {
                        paid = paid.add(out.path("value").bigIntegerValue());
                    }
                }
                JsonNode status = tx.path("status");
                boolean confirmed = status.path("confirmed").asBoolean(false);
                if (confirmed) {
                    confirmedHere++;
                    lastConfirmed = tx.path("txid").asText();
                }
                if (paid.signum() > 0) {
                    String txId = tx.path("txid").asText();
                    Instant blockTime = confirmed ? Instant.ofEpochSecond(status.path("block_time").asLong()) : null;
                    Instant seen = firstSeen.firstSeen(txId, address, blockTime != null ? blockTime : clock.instant());
                    int confirmations = confirmed ? (int) Math.max(0, tip - status.path("block_height").asLong() + 1) : 0;
                    payments.add(new ObservedPayment(txId, paid, seen, confirmations));
                }
            }
            if (confirmedHere < CONFIRMED_PAGE || lastConfirmed == null) {
                return payments;
            }
            path = "/address/" + address + "/txs/chain/" + lastConfirmed;
        }
        return payments;
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new WatcherUnavailableException("Esplora at " + base + " answered " + response.statusCode() + " for " + path, null);
            }
            return response.body();
        } catch (IOException e) {
            throw new WatcherUnavailableException("Esplora at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WatcherUnavailableException("interrupted while asking Esplora", e);
        }
    }

    private JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isArray()) {
                throw new WatcherUnavailableException("Esplora at " + base + " answered something that is not a list of transactions", null);
            }
            return node;
        } catch (IOException e) {
            throw new WatcherUnavailableException("Esplora at " + base + " answered something that is not JSON", e);
        }
    }
}
