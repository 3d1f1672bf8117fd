package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.veltrix.storage.MutableClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Quotes round up to the asset's smallest unit and hold their rate for the lock window. */
class QuotesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void tenDollarsInEachAssetRoundsUpSoTheOperatorNeverGetsLess() {
        Quotes quotes = new Quotes(new FixedRates(Map.of("BTC/USD", new BigDecimal("65000"), "ETH/USD", new BigDecimal("3000"),
                "USDC/USD", new BigDecimal("1.0001"))), clock, Quotes.DEFAULT_LOCK);
        assertThat(quotes.quote(1_000, "USD", 2, Asset.BTC).amount()).as("10/65000 BTC = 15384.6 sat").isEqualTo(BigInteger.valueOf(15_385));
        assertThat(quotes.quote(1_000, "USD", 2, Asset.ETH).amount()).isEqualTo(new BigInteger("3333333333333334"));
        assertThat(quotes.quote(1_000, "USD", 2, Asset.USDC).amount()).isEqualTo(BigInteger.valueOf(9_999_001));
    }

    @Test
    void aQuoteHoldsItsRateForTheLockWindowOnly() {
        Quotes quotes = new Quotes(new FixedRates(Map.of("BTC/EUR", new BigDecimal("60000"))), clock, Duration.ofMinutes(15));
        Quotes.Quote quote = quotes.quote(2_500, "EUR", 2, Asset.BTC);
        assertThat(quote.expiresAt()).isEqualTo(Instant.parse("2026-11-25T10:15:00Z"));
        assertThat(quote.locked(Instant.parse("2026-11-25T10:14:59Z"))).isTrue();
        assertThat(quote.locked(Instant.parse("2026-11-25T10:15:00Z"))).isFalse();
        assertThatThrownBy(() -> quotes.quote(2_500, "USD", 2, Asset.BTC)).isInstanceOf(RateSource.RatesUnavailableException.class)
                .hasMessageContaining("BTC/USD");
        assertThatThrownBy(() -> quotes.quote(0, "EUR", 2, Asset.BTC)).hasMessageContaining("positive price");
    }

    @Test
    void ratesFromAPriceApiAreReadAsItAnswersAndKeptForAMinute() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api/v3/simple/price", exchange -> {
            asked.add(exchange.getRequestURI().getQuery());
            byte[] body = "{\"ethereum\":{\"usd\":3012.55}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            PriceApiRates rates = new PriceApiRates(URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/api/v3"), clock);
            assertThat(rates.price(Asset.ETH, "USD")).isEqualByComparingTo("3012.55");
            assertThat(rates.price(Asset.ETH, "USD")).isEqualByComparingTo("3012.55");
            assertThat(asked).containsExactly("ids=ethereum&vs_currencies=usd");
            clock.advance(Duration.ofSeconds(61));
            rates.price(Asset.ETH, "USD");
            assertThat(asked).hasSize(2);
            assertThatThrownBy(() -> rates.price(Asset.BTC, "USD")).isInstanceOf(RateSource.RatesUnavailableException.class)
                    .hasMessageContaining("no usd price for bitcoin");
        } finally {
            api.stop(0);
        }
        PriceApiRates down = new PriceApiRates(URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/api/v3"), clock);
        assertThatThrownBy(() -> down.price(Asset.ETH, "USD")).isInstanceOf(RateSource.RatesUnavailableException.class)
                .hasMessageContaining("cannot be reached");
    }
}
