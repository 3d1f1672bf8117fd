package dev.veltrix.server.claims;

import dev.veltrix.claims.Box;
import java.util.UUID;

/**
 * A claim as asked for.
 *
 * @param owner  the owning player, or null for an admin claim (the server's own)
 * @param parent the claim this subdivides, or null for a top-level claim
 */
public record ClaimDraft(String world, UUID owner, Box box, UUID parent, boolean restricted) {
}
