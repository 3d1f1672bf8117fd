package dev.veltrix.server.metrics;

import dev.veltrix.network.GameServer;
import dev.veltrix.network.NetworkService;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What an operator watches of the fabric, read from the database (the same on every node; aggregate with max): events
 * committed and not yet published by the relay, and the game servers by state.
 */
public final class FabricMetrics {
    private FabricMetrics() {
    }

    public static void register(MeterRegistry registry, Database database, NetworkService network) {
        Gauge.builder("veltrix.outbox.lag", database, db -> {
            Long last = db.dsl().select(org.jooq.impl.DSL.max(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("seq"), Long.class)))
                    .from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("outbox_events"))).fetchOne(0, Long.class);
            return last == null ? 0 : Math.max(0, last - Outbox.cursor(db.dsl(), OutboxRelay.CONSUMER));
        }).baseUnit("events").description("events committed to the outbox and not yet published by the relay").register(registry);
        for (String state : new String[] {"up", "down", "maintenance"}) {
            Gauge.builder("veltrix.network.servers", network, n -> n.servers().stream().filter(s -> state.equals(state(s))).count())
                    .tag("state", state).description("registered game servers by state").register(registry);
        }
    }

    private static String state(GameServer s) {
        return !s.up() ? "down" : s.maintenance() ? "maintenance" : "up";
    }
}
