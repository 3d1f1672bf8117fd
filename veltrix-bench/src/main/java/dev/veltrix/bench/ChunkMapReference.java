package dev.veltrix.bench;

import dev.veltrix.claims.Action;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.Subjects;
import dev.veltrix.claims.Trust;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The reference the claims benchmark compares against: how the most used claim plugin looks claims
 * up. A {@code HashMap<Long, List<Claim>>} keyed by 16×16 chunk, filled with every chunk a claim
 * touches, read under a lock; permissions looked up by the player's id as a string.
 */
final class ChunkMapReference {
    private final HashMap<Long, List<Claim>> chunks = new HashMap<>();

    ChunkMapReference(Collection<Claim> claims) {
        for (Claim claim : claims) {
            for (int cx = claim.box().minX() >> 4; cx <= claim.box().maxX() >> 4; cx++) {
                for (int cz = claim.box().minZ() >> 4; cz <= claim.box().maxZ() >> 4; cz++) {
                    chunks.computeIfAbsent(key(cx, cz), k -> new ArrayList<>()).add(claim);
                }
            }
        }
    }

    private static long key(int cx, int cz) {
        return ((long) cx << 32) | (cz & 0xFFFFFFFFL);
    }

    synchronized Claim claimAt(int x, int y, int z) {
        List<Claim> here = chunks.get(key(x >> 4, z >> 4));
        if (here != null) {
            for (Claim claim : here) {
                if (claim.box().contains(x, y, z)) {
                    return claim;
                }
            }
        }
        return null;
    }

    boolean can(UUID player, Action action, int x, int y, int z) {
        Claim claim = claimAt(x, y, z);
        if (claim == null || player.equals(claim.owner())) {
            return true;
        }
        Trust trust = claim.trust().get(Subjects.player(player));
        return trust != null && trust.covers(action.needs());
    }
}
