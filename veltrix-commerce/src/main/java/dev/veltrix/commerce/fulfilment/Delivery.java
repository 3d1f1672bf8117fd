package dev.veltrix.commerce.fulfilment;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing a paid order (or another capability's reward) delivers. {@code command} and {@code item} deliveries (and
 * {@code expiry} ones, when due) go to a game server, which runs them once by id and acknowledges; {@code currency}
 * and {@code blocks} grants are applied by Veltrix itself, exactly once.
 *
 * @param order     the order it delivers, or null for a reward queued by another capability
 * @param reference what a reward delivery delivers (such as {@code pass:s1:<player>:3:free}), or null for an order's
 * @param target    the server it was last sent to, or null while it waits (player offline, no server up)
 */
public record Delivery(UUID id, UUID order, String reference, UUID player, String playerName, Kind kind, String group, String command,
                       boolean whenOnline, Instant dueAt, Status status, String target, int attempts, Instant announcedAt,
                       Instant doneAt, String doneBy) {

    public enum Kind {
        COMMAND, EXPIRY, REVOKE, CURRENCY, BLOCKS,
        /** A creator's share of the order, credited to their ledger account. */
        EARNING,
        /** A battle-pass season's premium track. */
        PREMIUM,
        /** An item handed to the player: {@code command} holds the item id and the count, such as {@code "hytale:gem 3"}. */
        ITEM;

        public boolean forGameServer() {
            return this == COMMAND || this == EXPIRY || this == REVOKE || this == ITEM;
        }
    }

    public enum Status {
        PENDING, DELIVERED, CANCELLED,
        /** A grant taken back when its order was refunded. */
        REVERSED
    }
}
