package dev.veltrix.claims;

/**
 * A world claims live in. {@code group} names the server group that hosts it (worlds of the same name on
 * different groups are different worlds); an empty group means one world shared network-wide.
 */
public record World(String name, String group, Box bounds) {
    public static final int MIN_Y = -64;
    public static final int MAX_Y = 319;
    public static final int HORIZON = 30_000_000;

    /** A world of the familiar shape: ±30,000,000 blocks across, y from −64 to 319. */
    public static World standard(String name, String group) {
        return new World(name, group, new Box(-HORIZON, MIN_Y, -HORIZON, HORIZON, MAX_Y, HORIZON));
    }
}
