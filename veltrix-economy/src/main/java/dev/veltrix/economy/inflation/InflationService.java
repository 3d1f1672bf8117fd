package dev.veltrix.economy.inflation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Flows;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.market.Candle;
import dev.veltrix.economy.market.MarketItem;
import dev.veltrix.economy.market.MarketService;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inflation indicators per currency and UTC day, computed from the ledger's flows and the shop's
 * prices: money supply, faucets and sinks by source, velocity, a price index over a basket of shop
 * items, and the inflation rate per day and week. A closed day never changes, so its flows are
 * computed once and kept.
 */
public final class InflationService {
    public static final int DAYS_MAX = 366;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LedgerService ledger;
    private final MarketService market;
    private final Clock clock;
    private final Set<AccountId> inside;
    private final InflationLevers levers;
    private final SellDampeningView dampening;
    private final Cache<String, Flows> closedDays = Caffeine.newBuilder().maximumSize(100_000).build();

    /** The current dampening factor of a currency, for the lever report. */
    @FunctionalInterface
    public interface SellDampeningView {
        BigDecimal factor(String currency);
    }

    /**
     * @param inside system accounts that only hold players' money (the exchange's escrow): part of the supply
     */
    public InflationService(LedgerService ledger, MarketService market, Clock clock, Set<AccountId> inside,
                            InflationLevers levers, SellDampeningView dampening) {
        this.ledger = ledger;
        this.market = market;
        this.clock = clock;
        this.inside = Set.copyOf(inside);
        this.levers = levers;
        this.dampening = dampening;
    }

    /** Money inside the economy now: what players hold plus what the inside accounts hold for them. */
    static long supplyNow(LedgerService ledger, String currency, Set<AccountId> inside) {
        long supply = ledger.supply(currency).playerHeld();
        for (AccountId account : inside) {
            supply += ledger.balance(account, currency);
        }
        return supply;
    }

    /** Indicators for the days [from, to], with the price index based at {@code base} (default {@code from}). */
    public Indicators indicators(String currency, LocalDate from, LocalDate to, LocalDate base) {
        ledger.currency(currency);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate baseDay = base == null ? from : base;
        if (from.isAfter(to)) {
            throw InvalidInputException.of("from", "must not be after to (" + from + " > " + to + ")");
        }
        if (to.isAfter(today)) {
            throw InvalidInputException.of("to", "must not be after today (" + today + ")");
        }
        if (from.plusDays(DAYS_MAX).isBefore(to) || baseDay.isBefore(today.minusDays(3 * DAYS_MAX))) {
            throw InvalidInputException.of("from", "at most " + DAYS_MAX + " days per request, within the last three years");
        }
        if (baseDay.isAfter(to)) {
            throw InvalidInputException.of("base", "the base day must not be after to");
        }
        // Supply at the end of each day is today's supply less what was issued net after that day.
        LocalDate first = from.minusDays(7).isBefore(baseDay) ? from.minusDays(7) : baseDay;
        Map<LocalDate, Flows> flows = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            flows.put(d, flows(currency, d, today));
        }
        Map<LocalDate, Long> supply = new HashMap<>();
        long running = supplyNow(ledger, currency, inside);
        for (LocalDate d = today; !d.isBefore(first); d = d.minusDays(1)) {
            supply.put(d, running);
            Flows day = flows.get(d);
            running -= day.issued() - day.sunk();
        }
        List<String> basket = basket(currency);
        Map<LocalDate, BigDecimal> basketPrice = basketPrices(basket, first, to);
        BigDecimal basePrice = basketPrice.get(baseDay);
        List<DayIndicators> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Flows day = flows.get(d);
            BigDecimal index = index(basketPrice.get(d), basePrice);
            days.add(new DayIndicators(d, supply.get(d), day.issued(), day.sunk(), strip(day.faucets()), strip(day.sinks()),
                    day.volume(), supply.get(d) > 0 ? BigDecimal.valueOf(day.volume())
                    .divide(BigDecimal.valueOf(supply.get(d)), 6, RoundingMode.HALF_EVEN) : null,
                    index, change(index, index(basketPrice.get(d.minusDays(1)), basePrice)),
                    change(index, index(basketPrice.get(d.minusDays(7)), basePrice))));
        }
        long tax = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            tax += flows.get(d).sinks().getOrDefault(InflationLevers.TAX.value(), 0L);
        }
        EconomyPolicy policy = levers.policy();
        LeverEffects effects = new LeverEffects(policy.transferTaxBps(), tax, policy.sellDampening(),
                dampening.factor(currency), market.withheld(currency, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), policy.faucetCapPerDay(), levers.refused(), levers.refusedAmount());
        return new Indicators(currency, baseDay, basket, days, effects);
    }

    private Flows flows(String currency, LocalDate day, LocalDate today) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(Duration.ofDays(1));
        if (day.isBefore(today)) {
            return closedDays.get(currency + "|" + day, k -> ledger.flows(currency, start, end, inside));
        }
        return ledger.flows(currency, start, end, inside);
    }

    private List<String> basket(String currency) {
        List<String> chosen = levers.policy().basket();
        return market.items().stream().filter(i -> i.currency().equals(currency))
                .map(MarketItem::id).filter(id -> chosen.isEmpty() || chosen.contains(id)).toList();
    }

    /** The basket's summed marginal price at the close of each day (base price before any trade). */
    private Map<LocalDate, BigDecimal> basketPrices(List<String> basket, LocalDate first, LocalDate to) {
        Map<LocalDate, BigDecimal> sums = new HashMap<>();
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (String id : basket) {
            Map<LocalDate, Long> closes = new HashMap<>();
            for (Candle candle : market.candles(id, "1d", from, end)) {
                closes.put(LocalDate.ofInstant(candle.start(), ZoneOffset.UTC), candle.close());
            }
            long last = market.item(id).basePrice();
            for (LocalDate d = first; !d.isAfter(to); d = d.plusDays(1)) {
                last = closes.getOrDefault(d, last);
                sums.merge(d, BigDecimal.valueOf(last), BigDecimal::add);
            }
        }
        return sums;
    }

    private static BigDecimal index(BigDecimal price, BigDecimal base) {
        if (price == null || base == null || base.signum() == 0) {
            return null;
        }
        return price.multiply(HUNDRED).divide(base, 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(HUNDRED).divide(before, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static Map<String, Long> strip(Map<String, Long> byAccount) {
        Map<String, Long> out = new LinkedHashMap<>();
        byAccount.forEach((account, amount) -> out.put(account.startsWith("system:") ? account.substring(7) : account, amount));
        return out;
    }
}
