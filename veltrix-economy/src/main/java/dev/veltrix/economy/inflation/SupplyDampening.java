package dev.veltrix.economy.inflation;

import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Flows;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.market.SellDampening;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shop's sell-price lever: when a currency's supply grew by factor g over the last seven days,
 * the shop pays sellers g^−k of the curve price, so selling loot back cannot outrun inflation.
 * Recomputed at most once a minute (of the service's clock) per currency.
 */
public final class SupplyDampening implements SellDampening {
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final LedgerService ledger;
    private final Clock clock;
    private final BigDecimal strength;
    private final Set<AccountId> inside;
    private final Map<String, Computed> factors = new ConcurrentHashMap<>();

    /** A factor and the instant (on the service clock, so simulated time works) it was computed. */
    private record Computed(Instant at, BigDecimal factor) {
    }

    public SupplyDampening(LedgerService ledger, Clock clock, BigDecimal strength, Set<AccountId> inside) {
        this.ledger = ledger;
        this.clock = clock;
        this.strength = strength;
        this.inside = Set.copyOf(inside);
    }

    @Override
    public BigDecimal factor(String currency) {
        if (strength.signum() == 0) {
            return BigDecimal.ONE;
        }
        Instant now = clock.instant();
        Computed known = factors.get(currency);
        if (known == null || Duration.between(known.at(), now).compareTo(REFRESH) >= 0 || now.isBefore(known.at())) {
            known = new Computed(now, compute(currency));
            factors.put(currency, known);
        }
        return known.factor();
    }

    private BigDecimal compute(String currency) {
        Instant now = clock.instant().plusMillis(1); // flows are [from, to): include this millisecond
        long supplyNow = InflationService.supplyNow(ledger, currency, inside);
        Flows week = ledger.flows(currency, now.minus(WINDOW), now, inside);
        long supplyBefore = supplyNow - (week.issued() - week.sunk());
        if (supplyBefore <= 0 || supplyNow <= supplyBefore) {
            return BigDecimal.ONE;
        }
        double growth = (double) supplyNow / supplyBefore;
        return BigDecimal.valueOf(Math.pow(growth, -strength.doubleValue())).round(MathContext.DECIMAL64);
    }
}
