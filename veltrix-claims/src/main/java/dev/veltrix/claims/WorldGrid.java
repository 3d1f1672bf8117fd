package dev.veltrix.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One world's claims, bucketed by square cells of 2^{@value #SHIFT} blocks and packed for the CPU
 * cache: each cell's claims are consecutive runs of ints (box corners, a subdivision mark, the claim's
 * number) in one array, located through a dense array of cell starts when the claimed area is
 * compact, or an open-addressing table of cell keys when it is scattered. A lookup touches about two
 * cache lines before it reaches the claim that matched; checks outside every claim touch no claim.
 * Immutable; a change builds a new grid for its world.
 */
final class WorldGrid {
    static final int SHIFT = 6;
    private static final int STRIDE = 8; // minX, minY, minZ, maxX, maxY, maxZ, subdivision, claim
    private static final long EMPTY = Long.MIN_VALUE;

    private final IndexedClaim[] claims;
    private final int[] entries;
    private final int[] starts; // per slot: first entry; starts[slot + 1] ends it
    // Dense layout: slot = (cellX - minCellX) * cellsZ + (cellZ - minCellZ).
    private final boolean dense;
    private final int minCellX;
    private final int minCellZ;
    private final int cellsX;
    private final int cellsZ;
    // Hashed layout: slot = the index of the cell's key.
    private final long[] keys;

    private WorldGrid(IndexedClaim[] claims, int[] entries, int[] starts, boolean dense, int minCellX, int minCellZ,
                      int cellsX, int cellsZ, long[] keys) {
        this.claims = claims;
        this.entries = entries;
        this.starts = starts;
        this.dense = dense;
        this.minCellX = minCellX;
        this.minCellZ = minCellZ;
        this.cellsX = cellsX;
        this.cellsZ = cellsZ;
        this.keys = keys;
    }

    List<IndexedClaim> claims() {
        return List.of(claims);
    }

    static WorldGrid of(List<IndexedClaim> list) {
        IndexedClaim[] claims = list.toArray(IndexedClaim[]::new);
        long cellEntries = 0;
        int minCx = Integer.MAX_VALUE;
        int minCz = Integer.MAX_VALUE;
        int maxCx = Integer.MIN_VALUE;
        int maxCz = Integer.MIN_VALUE;
        for (IndexedClaim c : claims) {
            cellEntries += (long) ((c.maxX >> SHIFT) - (c.minX >> SHIFT) + 1) * ((c.maxZ >> SHIFT) - (c.minZ >> SHIFT) + 1);
            minCx = Math.min(minCx, c.minX >> SHIFT);
            minCz = Math.min(minCz, c.minZ >> SHIFT);
            maxCx = Math.max(maxCx, c.maxX >> SHIFT);
            maxCz = Math.max(maxCz, c.maxZ >> SHIFT);
        }
        if (claims.length == 0) {
            return new WorldGrid(claims, new int[0], new int[] {0, 0}, true, 0, 0, 0, 0, null);
        }
        long area = ((long) maxCx - minCx + 1) * ((long) maxCz - minCz + 1);
        boolean dense = area <= Math.max(1L << 16, 8 * cellEntries) && area < Integer.MAX_VALUE / 2;
        int cellsX = maxCx - minCx + 1;
        int cellsZ = maxCz - minCz + 1;
        long[] keys = null;
        int slots;
        if (dense) {
            slots = (int) area;
        } else {
            slots = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(16, cellEntries * 2))) << 1;
            keys = new long[slots];
            Arrays.fill(keys, EMPTY);
        }
        int[] counts = new int[slots + 1];
        List<int[]> placed = new ArrayList<>();
        for (int n = 0; n < claims.length; n++) {
            IndexedClaim c = claims[n];
            for (int cx = c.minX >> SHIFT; cx <= c.maxX >> SHIFT; cx++) {
                for (int cz = c.minZ >> SHIFT; cz <= c.maxZ >> SHIFT; cz++) {
                    int slot = dense ? (cx - minCx) * cellsZ + (cz - minCz) : claimSlot(keys, key(cx, cz));
                    counts[slot]++;
                    placed.add(new int[] {slot, n});
                }
            }
        }
        int[] starts = new int[slots + 1];
        for (int s = 0; s < slots; s++) {
            starts[s + 1] = starts[s] + counts[s];
        }
        int[] fill = Arrays.copyOf(starts, slots);
        int[] entries = new int[placed.size() * STRIDE];
        for (int[] p : placed) {
            IndexedClaim c = claims[p[1]];
            int at = fill[p[0]]++ * STRIDE;
            entries[at] = c.minX;
            entries[at + 1] = c.minY;
            entries[at + 2] = c.minZ;
            entries[at + 3] = c.maxX;
            entries[at + 4] = c.maxY;
            entries[at + 5] = c.maxZ;
            entries[at + 6] = c.parent == null ? 0 : 1;
            entries[at + 7] = p[1];
        }
        return new WorldGrid(claims, entries, starts, dense, minCx, minCz, cellsX, cellsZ, keys);
    }

    private static long key(int cellX, int cellZ) {
        return ((long) cellX << 32) ^ (cellZ & 0xFFFFFFFFL);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static int claimSlot(long[] keys, long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key || keys[i] == EMPTY) {
                keys[i] = key;
                return i;
            }
        }
    }

    private int slot(int cellX, int cellZ) {
        if (dense) {
            int dx = cellX - minCellX;
            int dz = cellZ - minCellZ;
            return dx < 0 || dz < 0 || dx >= cellsX || dz >= cellsZ ? -1 : dx * cellsZ + dz;
        }
        long key = key(cellX, cellZ);
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** The innermost claim containing the point (a subdivision before its parent), or null. */
    IndexedClaim at(int x, int y, int z) {
        int slot = slot(x >> SHIFT, z >> SHIFT);
        if (slot < 0) {
            return null;
        }
        int found = -1;
        for (int at = starts[slot] * STRIDE, end = starts[slot + 1] * STRIDE; at < end; at += STRIDE) {
            if (x >= entries[at] && x <= entries[at + 3] && z >= entries[at + 2] && z <= entries[at + 5]
                    && y >= entries[at + 1] && y <= entries[at + 4]) {
                found = at;
                if (entries[at + 6] == 1) {
                    break;
                }
            }
        }
        return found < 0 ? null : claims[entries[found + 7]];
    }
}
