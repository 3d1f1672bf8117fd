package dev.veltrix.storage;

import java.util.HashSet;
import java.util.Set;

/**
 * The outbox event types the current thread's transaction has appended, so that after its commit {@link Database}
 * wakes only the readers that take one of them: a node under a stream of ledger transfers does not wake its quest
 * and battle-pass readers a thousand times a second to find no game event. On SQLite also the newest seq it appended,
 * which readers may see as soon as a commit that synced the log returns.
 */
public final class WrittenEventTypes {
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    /** Nested transactions share the outermost one's set. */
    private static final class Frame {
        final Set<String> types = new HashSet<>();
        long lastSeq;
        int depth;
    }

    private WrittenEventTypes() {
    }

    /** Called by the outbox for each event it appends; outside a {@link Database} transaction it does nothing. */
    public static void note(String type) {
        Frame frame = CURRENT.get();
        if (frame != null && frame.depth > 0) {
            frame.types.add(type);
        }
    }

    /** The newest seq the transaction appended, noted by {@link Database} on SQLite before a commit that syncs the log. */
    static void noteSeq(long seq) {
        Frame frame = CURRENT.get();
        if (frame != null && frame.depth > 0) {
            frame.lastSeq = Math.max(frame.lastSeq, seq);
        }
    }

    /** A transaction attempt starts: an attempt that is retried starts with an empty set again. */
    static void begin() {
        Frame frame = CURRENT.get();
        if (frame == null) {
            frame = new Frame();
            CURRENT.set(frame);
        }
        if (frame.depth++ == 0) {
            frame.types.clear();
            frame.lastSeq = 0;
        }
    }

    /** What the transaction that is committing has appended so far. */
    static Set<String> current() {
        Frame frame = CURRENT.get();
        return frame == null ? Set.of() : frame.types;
    }

    /** The newest seq the committing transaction appended on SQLite, or 0. */
    static long lastSeq() {
        Frame frame = CURRENT.get();
        return frame == null ? 0 : frame.lastSeq;
    }

    /** Whether the transaction that is committing is the outermost one: a nested one commits nothing yet. */
    static boolean outermost() {
        Frame frame = CURRENT.get();
        return frame != null && frame.depth == 1;
    }

    static void end() {
        Frame frame = CURRENT.get();
        if (frame != null && --frame.depth == 0) {
            frame.types.clear();
        }
    }
}
