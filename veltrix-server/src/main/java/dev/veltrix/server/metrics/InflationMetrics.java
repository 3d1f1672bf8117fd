package dev.veltrix.server.metrics;

import dev.veltrix.economy.inflation.DayIndicators;
import dev.veltrix.economy.inflation.InflationService;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Today's inflation indicators of every currency as Prometheus gauges, recomputed once a minute in
 * the background so a scrape never runs the aggregation itself.
 */
public final class InflationMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InflationMetrics.class);

    private final InflationService inflation;
    private final LedgerService ledger;
    private final Clock clock;
    private final List<Gauge> gauges = new ArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("veltrix-inflation-metrics").daemon().factory());

    private record Gauge(MultiGauge meter, Function<DayIndicators, Number> value) {
    }

    public InflationMetrics(MeterRegistry registry, InflationService inflation, LedgerService ledger, Clock clock) {
        this.inflation = inflation;
        this.ledger = ledger;
        this.clock = clock;
        gauge(registry, "veltrix.economy.supply", "money held inside the economy, minor units", DayIndicators::supply);
        gauge(registry, "veltrix.economy.issued.today", "money issued by faucets today, minor units", DayIndicators::issued);
        gauge(registry, "veltrix.economy.sunk.today", "money sunk today, minor units", DayIndicators::sunk);
        gauge(registry, "veltrix.economy.velocity.today", "today's player volume over supply", DayIndicators::velocity);
        gauge(registry, "veltrix.economy.price.index", "basket price index, base = 30 days ago = 100", DayIndicators::priceIndex);
        gauge(registry, "veltrix.economy.inflation.daily.percent", "price index change from yesterday", DayIndicators::inflationDay);
        gauge(registry, "veltrix.economy.inflation.weekly.percent", "price index change from a week ago", DayIndicators::inflationWeek);
        refresher.scheduleWithFixedDelay(this::refresh, 0, 60, TimeUnit.SECONDS);
    }

    private void gauge(MeterRegistry registry, String name, String description, Function<DayIndicators, Number> value) {
        gauges.add(new Gauge(MultiGauge.builder(name).description(description).register(registry), value));
    }

    private void refresh() {
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            List<DayIndicators> latest = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (Currency currency : ledger.currencies()) {
                latest.add(inflation.indicators(currency.code(), today, today, today.minusDays(30)).days().getLast());
                codes.add(currency.code());
            }
            for (Gauge gauge : gauges) {
                List<MultiGauge.Row<?>> rows = new ArrayList<>();
                for (int i = 0; i < latest.size(); i++) {
                    Number number = gauge.value().apply(latest.get(i));
                    if (number != null) {
                        double value = number instanceof BigDecimal d ? d.doubleValue() : number.doubleValue();
                        rows.add(MultiGauge.Row.of(Tags.of("currency", codes.get(i)), value));
                    }
                }
                gauge.meter().register(rows, true);
            }
        } catch (RuntimeException e) {
            LOG.warn("inflation metrics not refreshed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
