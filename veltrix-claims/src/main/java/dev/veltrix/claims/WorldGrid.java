package dev.veltrix.claims;

import java.util.Arrays;

/**
 * One world's claims bucketed by square cells of 2^{@value #SHIFT} blocks in an open-addressing table
 * keyed by the packed cell coordinates: a lookup is one hash probe and a scan of the few claims
 * overlapping that cell. Copy-on-write: {@link #copy()} then change the copy, so readers of the old
 * grid never see a half-made change and never take a lock.
 */
final class WorldGrid {
    static final int SHIFT = 6;
    private static final long EMPTY = Long.MIN_VALUE;
    private static final IndexedClaim[] NONE = new IndexedClaim[0];

    private long[] keys;
    private IndexedClaim[][] cells;
    private int used;

    WorldGrid(int capacity) {
        int size = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        keys = new long[size];
        Arrays.fill(keys, EMPTY);
        cells = new IndexedClaim[size][];
    }

    private WorldGrid(long[] keys, IndexedClaim[][] cells, int used) {
        this.keys = keys;
        this.cells = cells;
        this.used = used;
    }

    WorldGrid copy() {
        return new WorldGrid(keys.clone(), cells.clone(), used);
    }

    private static long key(int cellX, int cellZ) {
        return ((long) cellX << 32) ^ (cellZ & 0xFFFFFFFFL);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The innermost claim containing the point, or null. */
    IndexedClaim at(int x, int y, int z) {
        long key = key(x >> SHIFT, z >> SHIFT);
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                IndexedClaim found = null;
                for (IndexedClaim c : cells[i]) {
                    if (c.contains(x, y, z) && (found == null || c.parent != null)) {
                        found = c;
                    }
                }
                return found;
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    void add(IndexedClaim claim) {
        forEachCell(claim, slot -> {
            IndexedClaim[] old = cells[slot] == null ? NONE : cells[slot];
            IndexedClaim[] next = Arrays.copyOf(old, old.length + 1);
            next[old.length] = claim;
            cells[slot] = next;
        });
    }

    void remove(IndexedClaim claim) {
        forEachCell(claim, slot -> {
            IndexedClaim[] old = cells[slot];
            if (old != null) {
                cells[slot] = Arrays.stream(old).filter(c -> !c.claim.id().equals(claim.claim.id())).toArray(IndexedClaim[]::new);
            }
        });
    }

    private void forEachCell(IndexedClaim claim, java.util.function.IntConsumer action) {
        for (int cx = claim.minX >> SHIFT; cx <= claim.maxX >> SHIFT; cx++) {
            for (int cz = claim.minZ >> SHIFT; cz <= claim.maxZ >> SHIFT; cz++) {
                action.accept(slot(key(cx, cz)));
            }
        }
    }

    /** The slot of a cell, claimed if new (growing the table when it passes half full). */
    private int slot(long key) {
        if ((used + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return i;
            }
            if (keys[i] == EMPTY) {
                keys[i] = key;
                used++;
                return i;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        IndexedClaim[][] oldCells = cells;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        cells = new IndexedClaim[keys.length][];
        used = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                cells[slot] = oldCells[i];
            }
        }
    }
}
