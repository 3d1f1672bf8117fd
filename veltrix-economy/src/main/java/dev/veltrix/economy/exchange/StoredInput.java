package dev.veltrix.economy.exchange;

import java.time.Instant;

/** One persisted input of a pair's engine, replayed in {@code seq} order to rebuild the book. */
public sealed interface StoredInput permits StoredInput.Place, StoredInput.Cancel {
    long seq();

    /** @param settled whether the fills and refunds it caused are in the ledger */
    record Place(Order order, boolean settled) implements StoredInput {
        @Override
        public long seq() {
            return order.seq();
        }
    }

    /** @param reason CANCELLED (asked for) or EXPIRED (its time ran out) */
    record Cancel(long seq, long orderSeq, OrderStatus reason, Instant at) implements StoredInput {
    }
}
