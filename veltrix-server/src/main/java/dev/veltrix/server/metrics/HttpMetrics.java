package dev.veltrix.server.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request into a latency histogram tagged by route template (never the raw path,
 * which would make one series per player), method and status.
 */
public final class HttpMetrics {
    private static final String STARTED = "veltrix.startedNanos";

    private HttpMetrics() {
    }

    public static void register(RoutesConfig routes, MeterRegistry registry) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.after(ctx -> {
            Long started = ctx.attribute(STARTED);
            if (started == null) {
                return;
            }
            Timer.builder("http.server.requests")
                    .tag("method", ctx.method().name())
                    .tag("route", route(ctx))
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
    }

    private static String route(Context ctx) {
        // The matched HTTP endpoint, not the before/after handler's own "*" path.
        var matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? "unmatched" : matched.path; // 404s and static files match no endpoint
    }
}
