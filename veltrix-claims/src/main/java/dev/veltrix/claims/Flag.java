package dev.veltrix.claims;

/**
 * Rules of a claim about things no single player's trust decides. {@code true} allows the thing
 * inside the claim; each flag's default applies until a claim (or the configuration) says otherwise.
 */
public enum Flag {
    PVP(false), EXPLOSIONS(false), FIRE_SPREAD(false), MOB_GRIEFING(false), ENTRY(true), ITEM_PICKUP(true),
    MOB_SPAWNING(true), LEAF_DECAY(true);

    private final boolean defaultValue;

    Flag(boolean defaultValue) {
        this.defaultValue = defaultValue;
    }

    public boolean defaultValue() {
        return defaultValue;
    }
}
