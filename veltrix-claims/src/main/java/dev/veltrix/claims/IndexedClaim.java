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
    // The owner and trusted players as plain longs, scanned in place: no hashing, no boxed keys.
    private final boolean owned;
    private final long ownerHigh;
    private final long ownerLow;
    private final long[] playerHigh;
    private final long[] playerLow;
    private final Trust[] playerTrust;
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
        this.owned = claim.owner() != null;
        this.ownerHigh = owned ? claim.owner().getMostSignificantBits() : 0;
        this.ownerLow = owned ? claim.owner().getLeastSignificantBits() : 0;
        Trust anyone = null;
        List<UUID> trusted = new java.util.ArrayList<>();
        List<Trust> levels = new java.util.ArrayList<>();
        for (Map.Entry<String, Trust> entry : claim.trust().entrySet()) {
            String subject = entry.getKey();
            if (subject.equals(Subjects.EVERYONE)) {
                anyone = entry.getValue();
            } else if (subject.startsWith("player:")) {
                trusted.add(UUID.fromString(subject.substring(7)));
                levels.add(entry.getValue());
            } else {
                groups.put(subject.substring(6), entry.getValue());
            }
        }
        this.everyone = anyone;
        this.playerHigh = trusted.stream().mapToLong(UUID::getMostSignificantBits).toArray();
        this.playerLow = trusted.stream().mapToLong(UUID::getLeastSignificantBits).toArray();
        this.playerTrust = levels.toArray(Trust[]::new);
    }

    private boolean ownedBy(long high, long low) {
        return owned && high == ownerHigh && low == ownerLow;
    }

    private Trust playerTrust(long high, long low) {
        for (int i = 0; i < playerHigh.length; i++) {
            if (playerHigh[i] == high && playerLow[i] == low) {
                return playerTrust[i];
            }
        }
        return null;
    }

    boolean contains(int x, int y, int z) {
        return x >= minX && x <= maxX && z >= minZ && z <= maxZ && y >= minY && y <= maxY;
    }

    /** Whether a player may do something needing {@code needed} here. */
    boolean allows(UUID player, List<String> playerGroups, Trust needed) {
        long high = player.getMostSignificantBits();
        long low = player.getLeastSignificantBits();
        if (ownedBy(high, low) || (parent != null && parent.ownedBy(high, low))) {
            return true;
        }
        if (covers(own(high, low, playerGroups), needed)) {
            return true;
        }
        return parent != null && !claim.restricted() && covers(parent.own(high, low, playerGroups), needed);
    }

    private Trust own(long high, long low, List<String> playerGroups) {
        Trust best = Claim.max(everyone, playerTrust(high, low));
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
