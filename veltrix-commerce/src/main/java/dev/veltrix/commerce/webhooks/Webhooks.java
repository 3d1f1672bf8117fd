package dev.veltrix.commerce.webhooks;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.commerce.orders.OrderEvents;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Order events posted to the operator's endpoints (a Discord bot, an accounting tool), signed with
 * {@link WebhookSignature}. Each event is kept once per endpoint; a delivery that fails (no answer, or not 2xx)
 * is tried again after {@link #BACKOFF} pauses and then marked failed, and any delivery can be sent again.
 */
public final class Webhooks {
    /** Pauses before each retry; after the last, the delivery is failed (an operator may send it again). */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Table<Record> HOOKS = table(name("commerce_webhooks"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> ENDPOINT = field(name("endpoint"), String.class);
    private static final Field<String> EVENT_ID = field(name("event_id"), String.class);
    private static final Field<String> EVENT_TYPE = field(name("event_type"), String.class);
    private static final Field<String> BODY = field(name("body"), String.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<Integer> ATTEMPTS = field(name("attempts"), Integer.class);
    private static final Field<Long> NEXT = field(name("next_at"), Long.class);
    private static final Field<Integer> CODE = field(name("last_code"), Integer.class);
    private static final Field<String> ERROR = field(name("last_error"), String.class);
    private static final Field<Long> CREATED = field(name("created_at"), Long.class);
    private static final Field<Long> DELIVERED = field(name("delivered_at"), Long.class);

    private final Database database;
    private final Clock clock;
    private final List<URI> endpoints;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Webhooks(Database database, Clock clock, List<URI> endpoints, String secret) {
        this.database = database;
        this.clock = clock;
        this.endpoints = List.copyOf(endpoints);
        this.secret = secret;
    }

    /** Takes an event from the bus; order events are queued once per endpoint (a redelivered event is ignored). */
    public void accept(EventEnvelope event) {
        if (!event.type().startsWith(OrderEvents.PREFIX) || endpoints.isEmpty()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("id", event.id().toString());
        body.put("type", event.type());
        body.put("createdAt", event.occurredAt().toString());
        try {
            body.set("data", JSON.readTree(event.payload()));
        } catch (IOException e) {
            throw new IllegalStateException("an order event's payload is not JSON", e);
        }
        long now = clock.millis();
        database.inTransaction(tx -> {
            for (URI endpoint : endpoints) {
                tx.insertInto(HOOKS, ID, ENDPOINT, EVENT_ID, EVENT_TYPE, BODY, STATUS, ATTEMPTS, NEXT, CREATED)
                        .values(UuidV7.next().toString(), endpoint.toString(), event.id().toString(), event.type(), body.toString(),
                                WebhookDelivery.Status.PENDING.name(), 0, now, now)
                        .onConflictDoNothing().execute();
            }
            return null;
        });
    }

    /** Sends what is due; returns how many were sent successfully. */
    public int send(int limit) {
        List<Record> due = database.dsl().selectFrom(HOOKS).where(STATUS.eq(WebhookDelivery.Status.PENDING.name()), NEXT.le(clock.millis()))
                .orderBy(NEXT).limit(limit).fetch();
        int sent = 0;
        for (Record row : due) {
            sent += attempt(row) ? 1 : 0;
        }
        return sent;
    }

    private boolean attempt(Record row) {
        String body = row.get(BODY);
        Integer code = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(row.get(ENDPOINT))).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Veltrix-Event-Id", row.get(EVENT_ID))
                    .header("Veltrix-Event-Type", row.get(EVENT_TYPE))
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            code = response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        boolean ok = code != null && code / 100 == 2;
        int attempts = row.get(ATTEMPTS) + 1;
        long now = clock.millis();
        WebhookDelivery.Status status = ok ? WebhookDelivery.Status.DELIVERED
                : attempts > BACKOFF.size() ? WebhookDelivery.Status.FAILED : WebhookDelivery.Status.PENDING;
        long next = ok || status == WebhookDelivery.Status.FAILED ? now : now + BACKOFF.get(attempts - 1).toMillis();
        String lastError = error == null ? null : error.length() > 500 ? error.substring(0, 497) + "..." : error;
        Integer lastCode = code;
        database.inTransaction(tx -> tx.update(HOOKS).set(STATUS, status.name()).set(ATTEMPTS, attempts).set(NEXT, next)
                .set(CODE, lastCode).set(ERROR, lastError).set(DELIVERED, ok ? now : null).where(ID.eq(row.get(ID))).execute());
        return ok;
    }

    /** Queues a delivery to be sent again now, whatever became of it. */
    public WebhookDelivery redeliver(UUID id) {
        int updated = database.inTransaction(tx -> tx.update(HOOKS).set(STATUS, WebhookDelivery.Status.PENDING.name())
                .set(NEXT, clock.millis()).where(ID.eq(id.toString())).execute());
        if (updated == 0) {
            throw new NotFoundException("no webhook delivery " + id);
        }
        return list(1_000).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** The newest deliveries first. */
    public List<WebhookDelivery> list(int limit) {
        return database.dsl().selectFrom(HOOKS).orderBy(CREATED.desc(), ID.desc()).limit(limit).fetch(r -> new WebhookDelivery(
                UUID.fromString(r.get(ID)), r.get(ENDPOINT), UUID.fromString(r.get(EVENT_ID)), r.get(EVENT_TYPE),
                WebhookDelivery.Status.valueOf(r.get(STATUS)), r.get(ATTEMPTS), Instant.ofEpochMilli(r.get(NEXT)), r.get(CODE), r.get(ERROR),
                Instant.ofEpochMilli(r.get(CREATED)), r.get(DELIVERED) == null ? null : Instant.ofEpochMilli(r.get(DELIVERED))));
    }

    /** Deliveries that gave up after every retry. */
    public int failed() {
        return database.dsl().fetchCount(HOOKS, STATUS.eq(WebhookDelivery.Status.FAILED.name()));
    }

    public boolean enabled() {
        return !endpoints.isEmpty();
    }
}
