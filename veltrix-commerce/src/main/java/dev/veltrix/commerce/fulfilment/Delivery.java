package dev.veltrix.commerce.fulfilment;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing a paid order delivers. {@code command} deliveries (and {@code expiry} ones, when due) go to a game
 * server, which runs the command once by id and acknowledges; {@code currency} and {@code blocks} grants are
 * applied by Veltrix itself, exactly once.
 *
 * @param target the server it was last sent to, or null while it waits (player offline, no server up)
 */
public record Delivery(UUID id, UUID order, UUID player, String playerName, Kind kind, String group, String command,
                       boolean whenOnline, Instant dueAt, Status status, String target, int attempts, Instant announcedAt,
                       Instant doneAt, String doneBy) {

    public enum Kind {
        COMMAND, EXPIRY, REVOKE, CURRENCY, BLOCKS,
        /** A creator's share of the order, credited to their ledger account. */
        EARNING,
        /** A battle-pass season's premium track. */
        PREMIUM;

        public boolean forGameServer() {
            return this == COMMAND || this == EXPIRY || this == REVOKE;
        }
    }

    public enum Status {
        PENDING, DELIVERED, CANCELLED,
        /** A grant taken back when its order was refunded. */
        REVERSED
    }
}
