package dev.veltrix.claims;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every claim of a network (or of the worlds a game server hosts), answering "may this player do
 * this here?" from memory. Immutable: {@link #with} and {@link #without} return a new index that
 * shares what did not change, so a replica swaps in a new index while checks keep reading the old
 * one, lock-free.
 */
public final class ClaimIndex {
    private static final ClaimIndex EMPTY = new ClaimIndex(Map.of(), Map.of());

    private final Map<String, WorldGrid> worlds;
    private final Map<UUID, IndexedClaim> byId;

    private ClaimIndex(Map<String, WorldGrid> worlds, Map<UUID, IndexedClaim> byId) {
        this.worlds = worlds;
        this.byId = byId;
    }

    public static ClaimIndex empty() {
        return EMPTY;
    }

    /** An index of these claims (parents before or after their subdivisions, in any order). */
    public static ClaimIndex of(Collection<Claim> claims) {
        Map<String, Integer> perWorld = new HashMap<>();
        claims.forEach(c -> perWorld.merge(c.world(), 1, Integer::sum));
        Map<String, WorldGrid> worlds = new HashMap<>();
        perWorld.forEach((world, count) -> worlds.put(world, new WorldGrid(count * 4)));
        Map<UUID, IndexedClaim> byId = new HashMap<>();
        for (Claim claim : claims) {
            if (!claim.isSubdivision()) {
                IndexedClaim indexed = new IndexedClaim(claim, null);
                byId.put(claim.id(), indexed);
                worlds.get(claim.world()).add(indexed);
            }
        }
        for (Claim claim : claims) {
            if (claim.isSubdivision()) {
                IndexedClaim indexed = new IndexedClaim(claim, byId.get(claim.parent()));
                byId.put(claim.id(), indexed);
                worlds.get(claim.world()).add(indexed);
            }
        }
        return new ClaimIndex(worlds, byId);
    }

    /** This index with a claim added or replaced (a resize, a trust change). */
    public ClaimIndex with(Claim claim) {
        IndexedClaim old = byId.get(claim.id());
        if (old != null && !old.claim.isSubdivision() && subdivisionsOf(claim.id()).iterator().hasNext()) {
            // Subdivisions hold their parent; rebuild so they point at the new one.
            Map<UUID, Claim> all = new HashMap<>();
            byId.values().forEach(c -> all.put(c.claim.id(), c.claim));
            all.put(claim.id(), claim);
            return of(all.values());
        }
        Map<String, WorldGrid> nextWorlds = new HashMap<>(worlds);
        Map<UUID, IndexedClaim> nextById = new HashMap<>(byId);
        if (old != null) {
            WorldGrid grid = nextWorlds.get(old.claim.world()).copy();
            grid.remove(old);
            nextWorlds.put(old.claim.world(), grid);
        }
        WorldGrid grid = nextWorlds.containsKey(claim.world()) ? nextWorlds.get(claim.world()) : new WorldGrid(64);
        grid = old != null && old.claim.world().equals(claim.world()) ? grid : grid.copy();
        IndexedClaim indexed = new IndexedClaim(claim, claim.parent() == null ? null : byId.get(claim.parent()));
        grid.add(indexed);
        nextWorlds.put(claim.world(), grid);
        nextById.put(claim.id(), indexed);
        return new ClaimIndex(nextWorlds, nextById);
    }

    /** This index without a claim (and its subdivisions). */
    public ClaimIndex without(UUID claimId) {
        IndexedClaim old = byId.get(claimId);
        if (old == null) {
            return this;
        }
        Map<UUID, Claim> all = new HashMap<>();
        byId.values().forEach(c -> {
            if (!c.claim.id().equals(claimId) && !claimId.equals(c.claim.parent())) {
                all.put(c.claim.id(), c.claim);
            }
        });
        if (!subdivisionsOf(claimId).iterator().hasNext()) {
            Map<String, WorldGrid> nextWorlds = new HashMap<>(worlds);
            WorldGrid grid = nextWorlds.get(old.claim.world()).copy();
            grid.remove(old);
            nextWorlds.put(old.claim.world(), grid);
            Map<UUID, IndexedClaim> nextById = new HashMap<>(byId);
            nextById.remove(claimId);
            return new ClaimIndex(nextWorlds, nextById);
        }
        return of(all.values());
    }

    private Iterable<IndexedClaim> subdivisionsOf(UUID id) {
        return byId.values().stream().filter(c -> id.equals(c.claim.parent())).toList();
    }

    /** The innermost claim at a point (a subdivision before its parent), or null in the wild. */
    public Claim at(String world, int x, int y, int z) {
        IndexedClaim found = find(world, x, y, z);
        return found == null ? null : found.claim;
    }

    private IndexedClaim find(String world, int x, int y, int z) {
        WorldGrid grid = worlds.get(world);
        return grid == null ? null : grid.at(x, y, z);
    }

    /**
     * Whether a player (with these permission groups) may do an action at a point. Outside every claim
     * the answer is yes: the wild is open.
     */
    public boolean can(UUID player, List<String> groups, Action action, String world, int x, int y, int z) {
        IndexedClaim claim = find(world, x, y, z);
        return claim == null || claim.allows(player, groups, action.needs());
    }

    /** A flag's value at a point: the claim's, its parent's, or the default (in the wild too). */
    public boolean flag(Flag flag, String world, int x, int y, int z) {
        IndexedClaim claim = find(world, x, y, z);
        return claim == null ? flag.defaultValue() : claim.flag(flag);
    }

    public Claim claim(UUID id) {
        IndexedClaim found = byId.get(id);
        return found == null ? null : found.claim;
    }

    public int size() {
        return byId.size();
    }
}
