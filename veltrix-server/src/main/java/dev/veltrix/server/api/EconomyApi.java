package dev.veltrix.server.api;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.inflation.InflationService;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Inflation indicators over HTTP. */
public final class EconomyApi {
    private final InflationService inflation;
    private final Clock clock;

    public EconomyApi(InflationService inflation, Clock clock) {
        this.inflation = inflation;
        this.clock = clock;
    }

    public void register(ApiRoutes api) {
        api.get("/economy/{currency}/indicators", Scope.ECONOMY_READ, ctx -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            LocalDate to = day(ctx, "to", today);
            LocalDate from = day(ctx, "from", to.minusDays(29));
            ctx.json(inflation.indicators(ctx.pathParam("currency"), from, to, day(ctx, "base", null)));
        });
    }

    private static LocalDate day(Context ctx, String name, LocalDate fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "a UTC day such as 2026-03-01, got " + text);
        }
    }
}
