package dev.veltrix.sdk;

import dev.veltrix.claims.Action;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.ClaimIndex;
import dev.veltrix.claims.Flag;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The claims of this game server's worlds, in memory: every permission check is answered here, in
 * nanoseconds, with no network call. Built from a snapshot; kept current by the {@code claim.*}
 * events of the stream — feed every stream event to {@link #accept}. Each event carries a claim's
 * whole state, so applying one again, or an older one before a newer one, ends in the same state.
 */
public final class ClaimReplica {
    private final Set<String> worlds;
    private volatile ClaimIndex index;

    ClaimReplica(Set<String> worlds, ClaimIndex index) {
        this.worlds = Set.copyOf(worlds);
        this.index = index;
    }

    /** Whether a player (with these permission groups) may do an action at a block. */
    public boolean can(UUID player, List<String> groups, Action action, String world, int x, int y, int z) {
        return index.can(player, groups, action, world, x, y, z);
    }

    public boolean flag(Flag flag, String world, int x, int y, int z) {
        return index.flag(flag, world, x, y, z);
    }

    /** The innermost claim at a block, or null in the wild. */
    public Claim at(String world, int x, int y, int z) {
        return index.at(world, x, y, z);
    }

    public int size() {
        return index.size();
    }

    /** Applies a claim event of one of this replica's worlds; returns whether the replica changed. */
    public synchronized boolean accept(StreamEvent event) {
        if (!event.type().startsWith("claim.")) {
            return false;
        }
        Claim claim = ClaimJson.from(event.payload());
        if (!worlds.contains(claim.world())) {
            return false;
        }
        index = event.type().equals("claim.deleted") ? index.without(claim.id()) : index.with(claim);
        return true;
    }
}
