package dev.veltrix.server.metrics;

import dev.veltrix.commerce.orders.OrderStatus;
import dev.veltrix.server.store.Store;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * The store's gauges, read from the database (the same on every node of a cluster, so aggregate them with max):
 * orders by status, deliveries waiting, failed webhooks, and when each crypto rail's chain was last read.
 */
public final class StoreMetrics {
    private StoreMetrics() {
    }

    public static void register(MeterRegistry registry, Store store) {
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("veltrix.store.orders", store, s -> s.orders.count(status)).tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                    .description("orders by status").register(registry);
        }
        Gauge.builder("veltrix.store.deliveries.pending", store, s -> s.fulfilment.pendingByServer().values().stream().mapToInt(i -> i).sum())
                .description("deliveries not yet done (commands not acknowledged, grants not applied)").register(registry);
        Gauge.builder("veltrix.store.webhooks.failed", store, s -> s.webhooks.failed())
                .description("webhook deliveries that gave up after every retry").register(registry);
        // Every crypto rail, so one set up on the console later is measured too; NaN while it is not set up.
        for (var rail : java.util.List.of(dev.veltrix.commerce.orders.Rail.BTC, dev.veltrix.commerce.orders.Rail.ETH,
                dev.veltrix.commerce.orders.Rail.USDC)) {
            Gauge.builder("veltrix.store.chain.watched.timestamp", store, s -> {
                Instant at = s.invoices.lastWatched().get(rail);
                return at == null ? Double.NaN : at.getEpochSecond();
            }).tag("rail", rail.name().toLowerCase(java.util.Locale.ROOT)).baseUnit("seconds")
                    .description("when the rail's chain was last read without an error").register(registry);
        }
    }
}
