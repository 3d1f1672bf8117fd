package dev.veltrix.sdk;

import java.time.Instant;
import java.util.Map;

/**
 * One event pushed by Veltrix, such as {@code transfer.posted}. {@code cursor} orders events;
 * {@code id} is unique, for handlers that must survive a restart of the game server itself.
 */
public record StreamEvent(long cursor, String id, String type, String key, Instant occurredAt, String source,
                          Map<String, Object> payload) {

    /** For {@code transfer.posted}: whether the transfer touched this account (as payer or payee). */
    public boolean touches(String account) {
        return account.equals(payload.get("from")) || account.equals(payload.get("to"));
    }
}
