package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.inflation.DayIndicators;
import dev.veltrix.economy.inflation.Indicators;
import dev.veltrix.economy.inflation.InflationService;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.market.Candle;
import dev.veltrix.economy.market.MarketItem;
import dev.veltrix.economy.market.MarketService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The economy's pages: the console's inflation dashboard and shop overview, and the public price
 * page of each shop item (no sign-in; it shows prices, never players).
 */
public final class EconomyPages {
    private static final int DAYS = 30;

    private final Web web;
    private final LedgerService ledger;
    private final MarketService market;
    private final InflationService inflation;
    private final Clock clock;

    public EconomyPages(Web web, LedgerService ledger, MarketService market, InflationService inflation, Clock clock) {
        this.web = web;
        this.ledger = ledger;
        this.market = market;
        this.inflation = inflation;
        this.clock = clock;
    }

    /** The console pages; they sit behind the console's guard. */
    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/economy", this::dashboard);
        routes.get("/console/market", this::shop);
    }

    /** The public price pages. */
    public void registerPublic(RoutesConfig routes) {
        routes.get("/market/{item}", this::publicItem);
    }

    private void dashboard(Context ctx) {
        List<String> codes = ledger.currencies().stream().map(Currency::code).toList();
        String currency = ctx.queryParam("currency") == null && !codes.isEmpty() ? codes.getFirst() : ctx.queryParam("currency");
        Indicators indicators = null;
        List<Chart> charts = List.of();
        if (currency != null && codes.contains(currency)) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            indicators = inflation.indicators(currency, today.minusDays(DAYS - 1), today, null);
            charts = charts(indicators);
        }
        web.render(ctx, "console/economy.jte", params("csrf", session(ctx).csrfToken(), "currencies", codes,
                "currency", currency, "indicators", indicators, "charts", charts));
    }

    private static List<Chart> charts(Indicators indicators) {
        List<DayIndicators> days = indicators.days();
        List<Long> x = days.stream().map(d -> d.day().atStartOfDay(ZoneOffset.UTC).toEpochSecond()).toList();
        Map<String, List<? extends Number>> money = new LinkedHashMap<>();
        money.put("supply", days.stream().map(DayIndicators::supply).toList());
        Map<String, List<? extends Number>> flows = new LinkedHashMap<>();
        flows.put("issued", days.stream().map(DayIndicators::issued).toList());
        flows.put("sunk", days.stream().map(DayIndicators::sunk).toList());
        Map<String, List<? extends Number>> index = new LinkedHashMap<>();
        index.put("price index", days.stream().map(DayIndicators::priceIndex).toList());
        Map<String, List<? extends Number>> rates = new LinkedHashMap<>();
        rates.put("% per day", days.stream().map(DayIndicators::inflationDay).toList());
        rates.put("% per week", days.stream().map(DayIndicators::inflationWeek).toList());
        return List.of(Chart.of("chart-supply", "Money supply", x, true, money),
                Chart.of("chart-flows", "Issued and sunk per day", x, true, flows),
                Chart.of("chart-index", "Price index (first day = 100)", x, true, index),
                Chart.of("chart-inflation", "Inflation", x, true, rates));
    }

    private void shop(Context ctx) {
        List<MarketItem> items = market.items();
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        items.forEach(i -> prices.put(i.id(), market.price(i.id())));
        String selected = ctx.queryParam("item") == null && !items.isEmpty() ? items.getFirst().id() : ctx.queryParam("item");
        Chart chart = selected == null || !prices.containsKey(selected) ? null : priceChart(selected);
        web.render(ctx, "console/market.jte", params("csrf", session(ctx).csrfToken(), "items", items, "prices", prices,
                "selected", selected, "chart", chart));
    }

    private void publicItem(Context ctx) {
        MarketItem item;
        try {
            item = market.item(ctx.pathParam("item"));
        } catch (VeltrixException e) {
            web.render(ctx, "shop/missing.jte", params("item", ctx.pathParam("item")));
            ctx.status(404);
            return;
        }
        web.render(ctx, "shop/item.jte", params("item", item, "price", market.price(item.id()),
                "chart", priceChart(item.id())));
    }

    /** Hourly closes, highs and lows of the last seven days. */
    private Chart priceChart(String item) {
        Instant to = clock.instant();
        List<Candle> candles = market.candles(item, "1h", to.minus(Duration.ofDays(7)), to);
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("close", candles.stream().map(Candle::close).toList());
        series.put("high", candles.stream().map(Candle::high).toList());
        series.put("low", candles.stream().map(Candle::low).toList());
        return Chart.of("chart-price", "Price, hourly", candles.stream().map(c -> c.start().getEpochSecond()).toList(), true, series);
    }
}
