package dev.veltrix.commerce.crypto;

import dev.veltrix.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a price in fiat into an amount of an asset at the current rate and locks that rate for a window
 * (15 minutes by default): a buyer who pays within it pays the quoted amount whatever the market did.
 * Amounts round up to the asset's smallest unit, so the operator never receives less than the price.
 */
public final class Quotes {
    public static final Duration DEFAULT_LOCK = Duration.ofMinutes(15);

    private final RateSource rates;
    private final Clock clock;
    private final Duration lock;

    public Quotes(RateSource rates, Clock clock, Duration lock) {
        if (lock.isNegative() || lock.isZero() || lock.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("a quote's lock is 1 s .. 24 h, got " + lock);
        }
        this.rates = rates;
        this.clock = clock;
        this.lock = lock;
    }

    /** A locked quote. */
    public record Quote(long fiatMinor, String fiat, int fiatDecimals, Asset asset, BigInteger amount, BigDecimal rate,
                        Instant lockedAt, Instant expiresAt) {

        /** Whether a payment seen at {@code when} pays at this quote's rate. */
        public boolean locked(Instant when) {
            return when.isBefore(expiresAt);
        }
    }

    /**
     * @param fiatMinor    the price in the fiat's minor units (cents)
     * @param fiatDecimals the fiat's minor-unit digits (2 for USD and EUR)
     */
    public Quote quote(long fiatMinor, String fiat, int fiatDecimals, Asset asset) {
        if (fiatMinor <= 0) {
            throw InvalidInputException.of("price", "a positive price in minor units, got " + fiatMinor);
        }
        BigDecimal rate = rates.price(asset, fiat);
        BigDecimal price = BigDecimal.valueOf(fiatMinor, fiatDecimals);
        BigInteger amount = price.movePointRight(asset.decimals()).divide(rate, 0, RoundingMode.CEILING).toBigIntegerExact();
        Instant now = clock.instant();
        return new Quote(fiatMinor, fiat, fiatDecimals, asset, amount, rate, now, now.plus(lock));
    }
}
