package dev.veltrix.commerce.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rates from a public price API that answers CoinGecko's {@code /simple/price?ids=bitcoin&vs_currencies=usd}
 * with {@code {"bitcoin":{"usd":65000.12}}}. Each rate is kept for a minute, so a busy checkout asks the API a
 * few times a minute, not once per buyer.
 */
public final class PriceApiRates implements RateSource {
    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(BigDecimal rate, Instant at) {
    }

    /** @param base the API's address, such as {@code https://api.coingecko.com/api/v3} */
    public PriceApiRates(URI base, Clock clock) {
        this.base = base;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public BigDecimal price(Asset asset, String fiat) {
        String vs = fiat.toLowerCase(Locale.ROOT);
        String pair = asset.priceId() + "/" + vs;
        Kept cached = kept.get(pair);
        if (cached != null && cached.at().plus(KEEP).isAfter(clock.instant())) {
            return cached.rate();
        }
        URI uri = URI.create(base + "/simple/price?ids=" + asset.priceId() + "&vs_currencies=" + vs);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new RatesUnavailableException("the price API answered " + response.statusCode() + " for " + pair, null);
            }
            JsonNode price = JSON.readTree(response.body()).path(asset.priceId()).path(vs);
            if (!price.isNumber() || price.decimalValue().signum() <= 0) {
                throw new RatesUnavailableException("the price API has no " + vs + " price for " + asset.priceId(), null);
            }
            BigDecimal rate = price.decimalValue();
            kept.put(pair, new Kept(rate, clock.instant()));
            return rate;
        } catch (IOException e) {
            throw new RatesUnavailableException("the price API at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RatesUnavailableException("interrupted while asking the price API", e);
        }
    }
}
