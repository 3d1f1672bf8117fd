package dev.veltrix.commerce.crypto;

import java.math.BigDecimal;

/** Where exchange rates come from: fixed by the operator, or a public price API. */
public interface RateSource {

    /**
     * The price of one whole unit of {@code asset} in {@code fiat} (such as USD per BTC).
     *
     * @throws RatesUnavailableException when no rate can be had now; checkout says so and the buyer retries
     */
    BigDecimal price(Asset asset, String fiat);

    /** No rate now: the source is down, slow, or does not know the pair. */
    final class RatesUnavailableException extends RuntimeException {
        public RatesUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
