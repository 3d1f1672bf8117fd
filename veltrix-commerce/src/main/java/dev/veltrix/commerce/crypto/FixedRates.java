package dev.veltrix.commerce.crypto;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Rates the operator sets, such as {@code BTC/USD = 65000}: for testing a store, or for stable tokens. */
public final class FixedRates implements RateSource {
    private final Map<String, BigDecimal> rates;

    /** @param rates {@code ASSET/FIAT} (such as {@code USDC/USD}) to the price of one whole unit */
    public FixedRates(Map<String, BigDecimal> rates) {
        rates.forEach((pair, rate) -> {
            if (!pair.matches("[A-Z0-9]{2,10}/[A-Z]{3}") || rate.signum() <= 0) {
                throw new IllegalArgumentException("a fixed rate is ASSET/FIAT = a positive price, got " + pair + " = " + rate);
            }
        });
        this.rates = Map.copyOf(rates);
    }

    @Override
    public BigDecimal price(Asset asset, String fiat) {
        BigDecimal rate = rates.get(asset.code() + "/" + fiat.toUpperCase(Locale.ROOT));
        if (rate == null) {
            throw new RatesUnavailableException("no fixed rate for " + asset.code() + "/" + fiat + "; the operator sets "
                    + rates.keySet(), null);
        }
        return rate;
    }
}
