package dev.veltrix.server.api;

import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.server.metrics.Metrics;
import dev.veltrix.storage.Database;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operator endpoints: health for load balancers, metrics for Prometheus, API documentation. */
public final class SystemRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SystemRoutes.class);
    private static final String OPENAPI = readResource("/openapi.json");
    private static final String DOCS_PAGE = readResource("/api-docs.html");

    private SystemRoutes() {
    }

    public static void register(RoutesConfig routes, Readiness readiness, LedgerService ledger, Metrics metrics) {
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        routes.get("/health/ready", ctx -> {
            Map<String, Object> report = new java.util.LinkedHashMap<>(readiness.report());
            report.put("ledgerQueue", ledger.queued());
            if (!"UP".equals(report.get("status"))) {
                LOG.warn("not ready: {}", report.get("dependencies"));
                ctx.status(503);
            }
            ctx.json(report);
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
        routes.get("/api/docs", ctx -> ctx.html(DOCS_PAGE));
    }

    private static String readResource(String path) {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
