package dev.veltrix.claims;

/** A box of blocks, both corners included. A claim of the familiar kind spans the world's full height. */
public record Box(int minX, int minY, int minZ, int maxX, int maxY, int maxZ) {

    public Box {
        if (minX > maxX || minY > maxY || minZ > maxZ) {
            throw new IllegalArgumentException("corners inverted: (" + minX + "," + minY + "," + minZ + ") to ("
                    + maxX + "," + maxY + "," + maxZ + ")");
        }
    }

    /** The box between two corners given in any order. */
    public static Box between(int x1, int y1, int z1, int x2, int y2, int z2) {
        return new Box(Math.min(x1, x2), Math.min(y1, y2), Math.min(z1, z2), Math.max(x1, x2), Math.max(y1, y2), Math.max(z1, z2));
    }

    public boolean contains(int x, int y, int z) {
        return x >= minX && x <= maxX && z >= minZ && z <= maxZ && y >= minY && y <= maxY;
    }

    public boolean contains(Box other) {
        return other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
                && other.minZ >= minZ && other.maxZ <= maxZ;
    }

    public boolean intersects(Box other) {
        return minX <= other.maxX && other.minX <= maxX && minZ <= other.maxZ && other.minZ <= maxZ
                && minY <= other.maxY && other.minY <= maxY;
    }

    public long width() {
        return (long) maxX - minX + 1;
    }

    public long length() {
        return (long) maxZ - minZ + 1;
    }

    /** Blocks of ground covered: what a claim costs in claim blocks. */
    public long area() {
        return width() * length();
    }
}
