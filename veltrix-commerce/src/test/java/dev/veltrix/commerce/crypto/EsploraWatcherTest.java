package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.veltrix.storage.MutableClock;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher against a local server that answers as Esplora's REST API does (tip height, an address's
 * transactions newest first: mempool, then confirmed 25 at a time, the rest under /txs/chain/:last_txid).
 */
class EsploraWatcherTest {
    private static final String ADDRESS = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";
    private static final String OTHER = "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AtomicLong tip = new AtomicLong(800_010);
    private final AtomicBoolean reorganised = new AtomicBoolean();
    private HttpServer esplora;

    /** 26 confirmed payments of 1,000 sat (heights 799,975..800,000) and one in the mempool. */
    private String txs(String afterTxId) {
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            long height = 800_000 - i;
            boolean gone = reorganised.get() && i == 0; // the newest block was replaced
            confirmed.add("{\"txid\":\"c" + i + "\",\"vout\":[{\"scriptpubkey_address\":\"" + ADDRESS + "\",\"value\":1000},"
                    + "{\"scriptpubkey_address\":\"" + OTHER + "\",\"value\":777}],\"status\":"
                    + (gone ? "{\"confirmed\":false}" : "{\"confirmed\":true,\"block_height\":" + height
                    + ",\"block_hash\":\"h" + height + "\",\"block_time\":" + (1_764_064_800L + i) + "}") + "}");
        }
        if (afterTxId != null) {
            int from = Integer.parseInt(afterTxId.substring(1)) + 1;
            return "[" + String.join(",", confirmed.subList(from, Math.min(confirmed.size(), from + 25))) + "]";
        }
        String mempool = "{\"txid\":\"m1\",\"vout\":[{\"scriptpubkey_address\":\"" + ADDRESS + "\",\"value\":40000}],"
                + "\"status\":{\"confirmed\":false}}";
        return "[" + mempool + "," + String.join(",", confirmed.subList(0, 25)) + "]";
    }

    @BeforeEach
    void start() throws IOException {
        esplora = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        esplora.createContext("/blocks/tip/height", exchange -> answer(exchange, String.valueOf(tip.get())));
        esplora.createContext("/address/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int chain = path.indexOf("/txs/chain/");
            answer(exchange, txs(chain < 0 ? null : path.substring(chain + "/txs/chain/".length())));
        });
        esplora.start();
    }

    @AfterEach
    void stop() {
        esplora.stop(0);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private EsploraWatcher watcher() {
        return new EsploraWatcher(URI.create("http://127.0.0.1:" + esplora.getAddress().getPort()), clock, FirstSeen.inMemory());
    }

    @Test
    void everyPaymentToTheAddressIsReadAcrossPagesWithItsConfirmations() {
        List<ObservedPayment> payments = watcher().payments(ADDRESS);
        assertThat(payments).hasSize(27);
        assertThat(payments).extracting(ObservedPayment::amount).as("only the outputs to this address count")
                .containsOnly(BigInteger.valueOf(1_000), BigInteger.valueOf(40_000));
        ObservedPayment mempool = payments.stream().filter(p -> p.txId().equals("m1")).findFirst().orElseThrow();
        assertThat(mempool.confirmations()).isZero();
        assertThat(mempool.seenAt()).isEqualTo(clock.instant());
        assertThat(payments.stream().filter(p -> p.txId().equals("c0")).findFirst().orElseThrow().confirmations()).isEqualTo(11);
        assertThat(payments.stream().filter(p -> p.txId().equals("c25")).findFirst().orElseThrow().confirmations()).isEqualTo(36);
    }

    @Test
    void aPaymentKeepsWhenItWasFirstSeenAndLosesItsConfirmationsWhenItsBlockIsReorganisedAway() {
        EsploraWatcher watcher = watcher();
        Instant seenInMempool = watcher.payments(ADDRESS).stream().filter(p -> p.txId().equals("m1")).findFirst().orElseThrow().seenAt();
        clock.advance(Duration.ofMinutes(20));
        reorganised.set(true);
        List<ObservedPayment> after = watcher.payments(ADDRESS);
        assertThat(after.stream().filter(p -> p.txId().equals("m1")).findFirst().orElseThrow().seenAt()).isEqualTo(seenInMempool);
        ObservedPayment reorged = after.stream().filter(p -> p.txId().equals("c0")).findFirst().orElseThrow();
        assertThat(reorged.confirmations()).isZero();
        assertThat(reorged.seenAt()).as("still the time of the block it was first seen in")
                .isEqualTo(Instant.ofEpochSecond(1_764_064_800L));
    }

    @Test
    void anUnreachableEsploraIsAClearError() {
        EsploraWatcher watcher = watcher();
        esplora.stop(0);
        assertThatThrownBy(() -> watcher.payments(ADDRESS)).isInstanceOf(WatcherUnavailableException.class)
                .hasMessageContaining("cannot be reached");
    }
}
