package dev.veltrix.claims;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A claim compiled for the hot path: its box as plain ints, its trust split by kind of subject so a
 * check never builds a string, and its parent resolved. Immutable.
 */
final class IndexedClaim {
    final Claim claim;
    final int minX;
    final int minY;
    final int minZ;
    final int maxX;
    final int maxY;
    final int maxZ;
    final IndexedClaim parent;
    private final Map<UUID, Trust> players = new HashMap<>();
    private final Map<String, Trust> groups = new HashMap<>();
    private final Trust everyone;

    IndexedClaim(Claim claim, IndexedClaim parent) {
        this.claim = claim;
        Box b = claim.box();
        this.minX = b.minX();
        this.minY = b.minY();
        this.minZ = b.minZ();
        this.maxX = b.maxX();
        this.maxY = b.maxY();
        this.maxZ = b.maxZ();
        this.parent = parent;
        Trust anyone = null;
        for (Map.Entry<String, Trust> entry : claim.trust().entrySet()) {
            String subject = entry.getKey();
            if (subject.equals(Subjects.EVERYONE)) {
                anyone = entry.getValue();
            } else if (subject.startsWith("player:")) {
                players.put(UUID.fromString(subject.substring(7)), entry.getValue());
            } else {
                groups.put(subject.substring(6), entry.getValue());
            }
        }
        this.everyone = anyone;
    }

    boolean contains(int x, int y, int z) {
        return x >= minX && x <= maxX && z >= minZ && z <= maxZ && y >= minY && y <= maxY;
    }

    /** Whether a player may do something needing {@code needed} here. */
    boolean allows(UUID player, List<String> playerGroups, Trust needed) {
        if (player.equals(claim.owner()) || (parent != null && player.equals(parent.claim.owner()))) {
            return true;
        }
        if (covers(own(player, playerGroups), needed)) {
            return true;
        }
        return parent != null && !claim.restricted() && covers(parent.own(player, playerGroups), needed);
    }

    private Trust own(UUID player, List<String> playerGroups) {
        Trust best = Claim.max(everyone, players.get(player));
        for (int i = 0; i < playerGroups.size() && !groups.isEmpty(); i++) {
            best = Claim.max(best, groups.get(playerGroups.get(i)));
        }
        return best;
    }

    private static boolean covers(Trust held, Trust needed) {
        return held != null && held.covers(needed);
    }

    boolean flag(Flag flag) {
        Boolean own = claim.flags().get(flag);
        if (own != null) {
            return own;
        }
        return parent != null ? parent.flag(flag) : flag.defaultValue();
    }
}
