package dev.veltrix.server.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.auth.ServerKey;
import dev.veltrix.storage.Wakeup;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.ArrayDeque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game server's connection to the stream. A pump thread takes frames from the node's
 * {@link StreamFeed}, starting after the server's last acknowledged cursor; at most {@link #IN_FLIGHT_MAX}
 * may be unacknowledged, so a slow server slows its own stream, not the node's memory.
 */
final class StreamSession {
    static final int IN_FLIGHT_MAX = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    private static final int READ_BATCH = 200;
    private static final long IDLE_WAIT_MS = 500;

    private final ServerKey key;
    private final WsContext ws;
    private final StreamAcks acks;
    private final Timer delivery;
    private final ObjectMapper json;
    private final StreamFeed feed;
    private final Wakeup wakeups = new Wakeup();
    private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
    // The highest cursor this session may be acknowledged up to: where it resumed, then each event sent.
    private volatile long ackableUpTo;
    private volatile boolean open = true;
    private Thread pump;

    StreamSession(ServerKey key, WsContext ws, StreamAcks acks, ObjectMapper json, StreamFeed feed, Timer delivery) {
        this.key = key;
        this.ws = ws;
        this.acks = acks;
        this.json = json;
        this.feed = feed;
        this.delivery = delivery;
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
        wakeups.wake();
    }

    private void pump() {
        try {
            long cursor = acks.cursor(consumer());
            ackableUpTo = cursor;
            send(Map.of("type", "hello", "cursor", cursor, "server", key.name()));
            long readUpTo = cursor;
            while (open) {
                if (inFlightCount() >= IN_FLIGHT_MAX) {
                    await();
                    continue;
                }
                StreamFeed.Batch batch = feed.after(readUpTo, Math.min(READ_BATCH, IN_FLIGHT_MAX - inFlightCount()));
                for (StreamFeed.Frame frame : batch.frames()) {
                    synchronized (inFlight) {
                        inFlight.addLast(frame.seq());
                        ackableUpTo = frame.seq();
                    }
                    ws.send(frame.text());
                    delivery.record(System.currentTimeMillis() - frame.occurredAtMillis(), TimeUnit.MILLISECONDS);
                }
                boolean caughtUp = batch.upTo() == readUpTo;
                readUpTo = batch.upTo();
                if (caughtUp) {
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

    /** Records what the server has handled; the cursor never moves back, and never past what was sent. */
    void acknowledge(long cursor) {
        boolean wasFull;
        synchronized (inFlight) {
            if (cursor > ackableUpTo) {
                // Acking ahead would skip events this server never received.
                throw new IllegalArgumentException("ack cursor " + cursor + " is past the last event sent (" + ackableUpTo + ")");
            }
            wasFull = inFlight.size() >= IN_FLIGHT_MAX;
            while (!inFlight.isEmpty() && inFlight.peekFirst() <= cursor) {
                inFlight.removeFirst();
            }
        }
        acks.acknowledge(consumer(), cursor);
        if (wasFull) {
            wake(); // the pump was waiting for room; otherwise an ack gives it nothing new to send
        }
    }

    private int inFlightCount() {
        synchronized (inFlight) {
            return inFlight.size();
        }
    }

    private void await() {
        if (!wakeups.await(IDLE_WAIT_MS)) {
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
