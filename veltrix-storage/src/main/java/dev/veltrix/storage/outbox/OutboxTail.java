package dev.veltrix.storage.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jooq.DSLContext;

/**
 * Follows the outbox in seq order without skipping an event that commits late.
 *
 * <p>On PostgreSQL and MariaDB a seq is taken at insert but becomes visible at commit, so seq 11 can
 * be visible while seq 10 is still in flight. The tail stops at such a gap and waits for it to
 * fill; a gap still open after {@code gapGraceMs} belongs to a rolled-back transaction and is passed.
 * SQLite has a single writer and never shows such gaps.
 */
public final class OutboxTail {
    private final long gapGraceMs;
    private final LongSupplier monotonicMillis;
    private long position;
    private long gapSeq = -1;
    private long gapSeenAtMs;

    public OutboxTail(long startAfterSeq, long gapGraceMs, LongSupplier monotonicMillis) {
        if (startAfterSeq < 0) {
            throw new IllegalArgumentException("startAfterSeq must be >= 0, got " + startAfterSeq);
        }
        this.position = startAfterSeq;
        this.gapGraceMs = gapGraceMs;
        this.monotonicMillis = monotonicMillis;
    }

    public static OutboxTail after(long seq) {
        return new OutboxTail(seq, 5_000, () -> System.nanoTime() / 1_000_000);
    }

    /** The seq of the last event returned. */
    public long position() {
        return position;
    }

    /** Rewinds or advances to a durable cursor, such as a reconnecting reader's last ack. */
    public void reset(long seq) {
        position = seq;
        gapSeq = -1;
    }

    /** The next events in order, stopping before a gap that may still fill. */
    public List<StoredEvent> next(DSLContext dsl, int limit) {
        return next(dsl, limit, type -> true);
    }

    /**
     * The next events whose type {@code wanted} accepts, in order, stopping before a gap that may still fill. Rows of
     * other types still move the position on, so a reader that wants few types passes the rest without reading them.
     */
    public List<StoredEvent> next(DSLContext dsl, int limit, Predicate<String> wanted) {
        List<StoredEvent> out = new ArrayList<>();
        Outbox.scanAfter(dsl, position, limit, wanted, (seq, event) -> {
            if (seq != position + 1 && !gapExpired(position + 1)) {
                return false;
            }
            if (event != null) {
                out.add(new StoredEvent(seq, event));
            }
            position = seq;
            return true;
        });
        return out;
    }

    private boolean gapExpired(long missingSeq) {
        long now = monotonicMillis.getAsLong();
        if (gapSeq != missingSeq) {
            gapSeq = missingSeq;
            gapSeenAtMs = now;
            return false;
        }
        return now - gapSeenAtMs >= gapGraceMs;
    }
}
