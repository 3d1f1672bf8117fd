package dev.veltrix.claims;

import java.util.ArrayList;
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
        Map<UUID, IndexedClaim> byId = new HashMap<>();
        for (Claim claim : claims) {
            if (!claim.isSubdivision()) {
                byId.put(claim.id(), new IndexedClaim(claim, null));
            }
        }
        for (Claim claim : claims) {
            if (claim.isSubdivision()) {
                byId.put(claim.id(), new IndexedClaim(claim, byId.get(claim.parent())));
            }
        }
        Map<String, List<IndexedClaim>> perWorld = new HashMap<>();
        byId.values().forEach(c -> perWorld.computeIfAbsent(c.claim.world(), w -> new ArrayList<>()).add(c));
        Map<String, WorldGrid> worlds = new HashMap<>();
        perWorld.forEach((world, list) -> worlds.put(world, WorldGrid.of(list)));
        return new ClaimIndex(worlds, byId);
    }

    /**
     * This index with a claim added or replaced (a resize, a trust change). Only the claim's world is
     * rebuilt, in time proportional to that world's claims (milliseconds for 100,000).
     */
    public ClaimIndex with(Claim claim) {
        IndexedClaim old = byId.get(claim.id());
        Map<UUID, Claim> world = claimsOf(claim.world());
        world.put(claim.id(), claim);
        ClaimIndex next = rebuilt(claim.world(), world.values());
        if (old != null && !old.claim.world().equals(claim.world())) {
            Map<UUID, Claim> left = next.claimsOf(old.claim.world());
            left.remove(claim.id());
            next = next.rebuilt(old.claim.world(), left.values());
        }
        return next;
    }

    /** This index with several claims added or replaced at once: each touched world is rebuilt once. */
    public ClaimIndex with(Collection<Claim> changed) {
        ClaimIndex next = this;
        Map<String, List<Claim>> byWorld = new HashMap<>();
        changed.forEach(c -> byWorld.computeIfAbsent(c.world(), w -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<Claim>> world : byWorld.entrySet()) {
            Map<UUID, Claim> claims = next.claimsOf(world.getKey());
            world.getValue().forEach(c -> claims.put(c.id(), c));
            next = next.rebuilt(world.getKey(), claims.values());
        }
        return next;
    }

    /** This index without a claim (and its subdivisions). */
    public ClaimIndex without(UUID claimId) {
        IndexedClaim old = byId.get(claimId);
        if (old == null) {
            return this;
        }
        Map<UUID, Claim> world = claimsOf(old.claim.world());
        world.values().removeIf(c -> c.id().equals(claimId) || claimId.equals(c.parent()));
        return rebuilt(old.claim.world(), world.values());
    }

    private Map<UUID, Claim> claimsOf(String world) {
        Map<UUID, Claim> claims = new HashMap<>();
        WorldGrid grid = worlds.get(world);
        if (grid != null) {
            grid.claims().forEach(c -> claims.put(c.claim.id(), c.claim));
        }
        return claims;
    }

    /** A new index whose one world holds exactly these claims; other worlds are shared. */
    private ClaimIndex rebuilt(String world, Collection<Claim> claims) {
        ClaimIndex fresh = of(claims);
        Map<String, WorldGrid> nextWorlds = new HashMap<>(worlds);
        Map<UUID, IndexedClaim> nextById = new HashMap<>(byId);
        WorldGrid old = worlds.get(world);
        if (old != null) {
            old.claims().forEach(c -> nextById.remove(c.claim.id()));
        }
        nextById.putAll(fresh.byId);
        if (fresh.worlds.containsKey(world)) {
            nextWorlds.put(world, fresh.worlds.get(world));
        } else {
            nextWorlds.remove(world);
        }
        return new ClaimIndex(nextWorlds, nextById);
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

    /** Every claim of a world, in no particular order. */
    public List<Claim> claims(String world) {
        WorldGrid grid = worlds.get(world);
        return grid == null ? List.of() : grid.claims().stream().map(c -> c.claim).toList();
    }

    public int size() {
        return byId.size();
    }
}
