package dev.veltrix.server.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.auth.ServerKey;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxTail;
import dev.veltrix.storage.outbox.StoredEvent;
import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game server's connection to the stream. A pump thread follows the outbox from the server's
 * last acknowledged cursor and sends the events it subscribes to; at most {@link #IN_FLIGHT_MAX}
 * may be unacknowledged, so a slow server slows its own stream, not the node's memory.
 */
final class StreamSession {
    static final int IN_FLIGHT_MAX = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    private static final int READ_BATCH = 200;
    private static final long IDLE_WAIT_MS = 500;

    private final ServerKey key;
    private final WsContext ws;
    private final Database database;
    private final ObjectMapper json;
    private final Set<String> types;
    private final Semaphore wakeups = new Semaphore(0);
    private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
    // The highest cursor this session may be acknowledged up to: where it resumed, then each event sent.
    private volatile long ackableUpTo;
    private volatile boolean open = true;
    private Thread pump;

    StreamSession(ServerKey key, WsContext ws, Database database, ObjectMapper json, Set<String> types) {
        this.key = key;
        this.ws = ws;
        this.database = database;
        this.json = json;
        this.types = types;
    }

    String consumer() {
        return "stream:" + key.id();
    }

    ServerKey key() {
        return key;
    }

    void start() {
        pump = Thread.ofVirtual().name("veltrix-stream-" + key.name()).start(this::pump);
    }

    void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void pump() {
        try {
            long cursor = Outbox.cursor(database.dsl(), consumer());
            ackableUpTo = cursor;
            OutboxTail tail = OutboxTail.after(cursor);
            send(Map.of("type", "hello", "cursor", cursor, "server", key.name()));
            while (open) {
                if (inFlightCount() >= IN_FLIGHT_MAX) {
                    await();
                    continue;
                }
                List<StoredEvent> events = tail.next(database.dsl(), READ_BATCH);
                for (StoredEvent stored : events) {
                    if (types.contains(stored.event().type())) {
                        synchronized (inFlight) {
                            inFlight.addLast(stored.seq());
                            ackableUpTo = stored.seq();
                        }
                        send(frame(stored));
                    }
                }
                if (events.isEmpty()) {
                    await();
                }
            }
        } catch (RuntimeException e) {
            if (open) {
                LOG.warn("stream to server {} ({}) failed; it will resume from its cursor on reconnect", key.name(), key.id(), e);
                close(1011, "stream failed; reconnect to resume");
            }
        }
    }

    private Map<String, Object> frame(StoredEvent stored) {
        var event = stored.event();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().toString());
        body.put("type", event.type());
        body.put("key", event.key());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("source", event.source());
        try {
            body.put("payload", json.readTree(event.payload()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + event.id() + " has a payload that is not JSON", e);
        }
        return Map.of("type", "event", "cursor", stored.seq(), "event", body);
    }

    /** Records what the server has handled; the cursor never moves back, and never past what was sent. */
    void acknowledge(long cursor) {
        synchronized (inFlight) {
            if (cursor > ackableUpTo) {
                // Acking ahead would skip events this server never received.
                throw new IllegalArgumentException("ack cursor " + cursor + " is past the last event sent (" + ackableUpTo + ")");
            }
            while (!inFlight.isEmpty() && inFlight.peekFirst() <= cursor) {
                inFlight.removeFirst();
            }
        }
        database.inTransaction(tx -> {
            Outbox.saveCursor(tx, consumer(), cursor);
            return null;
        });
        wake();
    }

    private int inFlightCount() {
        synchronized (inFlight) {
            return inFlight.size();
        }
    }

    private void await() {
        try {
            wakeups.tryAcquire(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
            wakeups.drainPermits();
        } catch (InterruptedException e) {
            open = false;
        }
    }

    private void send(Map<String, Object> message) {
        try {
            ws.send(json.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stream frame failed to serialise", e);
        }
    }

    void close(int code, String reason) {
        open = false;
        if (pump != null) {
            pump.interrupt();
        }
        if (ws.session.isOpen()) {
            ws.closeSession(code, reason);
        }
    }

    void stopped() {
        open = false;
        if (pump != null) {
            pump.interrupt();
        }
    }
}
