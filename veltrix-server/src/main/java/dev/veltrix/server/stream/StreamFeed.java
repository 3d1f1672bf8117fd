package dev.veltrix.server.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.Wakeup;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxTail;
import dev.veltrix.storage.outbox.StoredEvent;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of the outbox for every stream session of this node. It follows the outbox gap-safely,
 * turns each streamed event into its frame once, and keeps the newest frames in a ring; sessions that
 * are up to date take their frames from the ring, so 200 connected servers cost one outbox read and one
 * serialisation per event, not 200. A session behind the ring (after a long absence) catches up from
 * the database, reading only streamed types below the feed's position.
 */
final class StreamFeed implements AutoCloseable {
    static final int RING_MAX = 16_384;
    private static final Logger LOG = LoggerFactory.getLogger(StreamFeed.class);
    private static final int READ_BATCH = 1_000;
    private static final long IDLE_POLL_MS = 250;
    private static final long FAILURE_PAUSE_MS = 1_000;

    /** A frame ready to send, with the cursor it carries and when its event was committed. */
    record Frame(long seq, String text, long occurredAtMillis) {
    }

    /** Frames after a cursor, and the position they bring the reader up to (even when none matched). */
    record Batch(List<Frame> frames, long upTo) {
    }

    private final Database database;
    private final ObjectMapper json;
    private final Set<String> types;
    private final Runnable onFrames;
    private final Wakeup wakeups = new Wakeup();
    private final Frame[] ring;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int ringHead;
    private int ringSize;
    // Every streamed event with ringStart < seq <= position is in the ring.
    private long ringStart;
    private long position;
    private final Thread thread;
    private volatile boolean running = true;

    StreamFeed(Database database, ObjectMapper json, Set<String> types, int ringMax, Runnable onFrames) {
        this.ring = new Frame[ringMax];
        this.database = database;
        this.json = json;
        this.types = types;
        this.onFrames = onFrames;
        this.position = Outbox.lastSeq(database.dsl());
        this.ringStart = position;
        this.thread = Thread.ofPlatform().name("veltrix-stream-feed").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** New events may be in the outbox: read them now rather than at the next poll. */
    void wake() {
        wakeups.wake();
    }

    /** Up to {@code limit} frames after {@code cursor}, from the ring when it reaches back that far. */
    Batch after(long cursor, int limit) {
        long start;
        // A read lock: all 200 pumps woken by one chat message read the ring at once, without queueing.
        lock.readLock().lock();
        try {
            start = ringStart;
            if (cursor >= start) {
                return fromRing(cursor, limit);
            }
        } finally {
            lock.readLock().unlock();
        }
        List<StoredEvent> stored = Outbox.readBetween(database.dsl(), cursor, start, types, limit);
        List<Frame> frames = new ArrayList<>(stored.size());
        for (StoredEvent event : stored) {
            frames.add(frame(event));
        }
        // Fewer than asked means nothing else is streamed up to the ring's start: the reader is there.
        return new Batch(frames, stored.size() < limit ? start : frames.getLast().seq());
    }

    private Batch fromRing(long cursor, int limit) {
        // The ring is in seq order: binary search for the first frame past the cursor.
        int low = 0;
        int high = ringSize;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ring[(ringHead + mid) % ring.length].seq() <= cursor) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<Frame> frames = new ArrayList<>(Math.min(limit, ringSize - low));
        for (int i = low; i < ringSize && frames.size() < limit; i++) {
            frames.add(ring[(ringHead + i) % ring.length]);
        }
        long upTo = frames.size() == limit ? frames.getLast().seq() : position;
        return new Batch(frames, upTo);
    }

    private void run() {
        OutboxTail tail = null;
        while (running) {
            try {
                if (tail == null) {
                    lock.readLock().lock();
                    try {
                        tail = OutboxTail.after(position);
                    } finally {
                        lock.readLock().unlock();
                    }
                }
                long before = tail.position();
                List<StoredEvent> read = tail.next(database.dsl(), READ_BATCH, types::contains);
                if (tail.position() == before) {
                    pause(IDLE_POLL_MS);
                    continue;
                }
                List<Frame> frames = new ArrayList<>(read.size());
                for (StoredEvent event : read) {
                    frames.add(frame(event));
                }
                append(frames, tail.position());
                if (!frames.isEmpty()) {
                    onFrames.run();
                }
            } catch (RuntimeException e) {
                LOG.error("stream feed failed; retrying in {} ms", FAILURE_PAUSE_MS, e);
                tail = null;
                pause(FAILURE_PAUSE_MS);
            }
        }
    }

    private void append(List<Frame> frames, long newPosition) {
        lock.writeLock().lock();
        try {
            appendLocked(frames, newPosition);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void appendLocked(List<Frame> frames, long newPosition) {
        for (Frame frame : frames) {
            if (ringSize == ring.length) {
                ringStart = ring[ringHead].seq();
                ring[ringHead] = null;
                ringHead = (ringHead + 1) % ring.length;
                ringSize--;
            }
            ring[(ringHead + ringSize) % ring.length] = frame;
            ringSize++;
        }
        position = newPosition;
    }

    /**
     * The frame's text, written field by field with the stored payload copied in as it is: the outbox holds only
     * JSON our own encoders wrote, and parsing it into a tree to write it out again was half the feed's time.
     */
    private Frame frame(StoredEvent stored) {
        EventEnvelope event = stored.event();
        StringWriter text = new StringWriter(256 + event.payload().length());
        try (JsonGenerator out = json.getFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("type", "event");
            out.writeNumberField("cursor", stored.seq());
            out.writeObjectFieldStart("event");
            out.writeStringField("id", event.id().toString());
            out.writeStringField("type", event.type());
            out.writeStringField("key", event.key());
            out.writeStringField("occurredAt", event.occurredAt().toString());
            out.writeStringField("source", event.source());
            out.writeFieldName("payload");
            out.writeRawValue(event.payload());
            out.writeEndObject();
            out.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the frame of outbox event " + event.id(), e);
        }
        return new Frame(stored.seq(), text.toString(), event.occurredAt().toEpochMilli());
    }

    private void pause(long millis) {
        if (!wakeups.await(millis)) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
