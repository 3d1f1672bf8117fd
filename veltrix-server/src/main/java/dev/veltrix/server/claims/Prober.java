package dev.veltrix.server.claims;

import java.time.Instant;
import java.util.UUID;

/**
 * One player's denied attempts on one owner's land over a period: the aggregate an admin watches.
 *
 * @param owner null for admin claims
 */
public record Prober(UUID player, UUID owner, long attempts, long claims, Instant first, Instant last) {
}
