package dev.veltrix.commerce.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * An order's change as an event, written in the transaction of the change: {@code order.paid},
 * {@code order.expired}, {@code order.review}, {@code order.cancelled}, {@code order.refunded}. Outgoing
 * webhooks and any other consumer take them from the outbox.
 */
public final class OrderEvents {
    public static final String PREFIX = "order.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderEvents() {
    }

    static void append(DSLContext tx, Order order, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order", order.id().toString());
        payload.put("status", order.status().name().toLowerCase(Locale.ROOT));
        payload.put("player", order.player().toString());
        payload.put("playerName", order.playerName());
        payload.put("currency", order.currency());
        payload.put("total", order.total());
        payload.put("discount", order.discount());
        payload.put("giftCardAmount", order.giftCardAmount());
        payload.put("rail", order.rail().name().toLowerCase(Locale.ROOT));
        payload.put("lines", order.lines().stream().map(l -> Map.of("package", l.packageId(), "name", l.name(), "quantity", l.quantity(),
                "unitPrice", l.unitPrice())).toList());
        try {
            Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), PREFIX + order.status().name().toLowerCase(Locale.ROOT),
                    order.id().toString(), at, "commerce", JSON.writeValueAsString(payload))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order event failed to serialise", e);
        }
    }
}
