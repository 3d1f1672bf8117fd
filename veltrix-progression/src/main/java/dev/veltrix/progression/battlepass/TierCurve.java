package dev.veltrix.progression.battlepass;

import java.util.ArrayList;
import java.util.List;

/**
 * The XP each tier needs, in total: linear ({@code base + (tier-1) x step}), geometric ({@code base x ratio^(tier-1)},
 * rounded up), or an explicit table. Tier 1 is the first reached; a player with less than its XP is at tier 0.
 */
public record TierCurve(String kind, long base, double factor, List<Long> table, int tiers) {
    public static final int TIERS_MAX = 1_000;

    public TierCurve {
        table = table == null ? List.of() : List.copyOf(table);
    }

    public static TierCurve linear(long base, long step, int tiers) {
        return new TierCurve("linear", base, step, List.of(), tiers);
    }

    public static TierCurve geometric(long base, double ratio, int tiers) {
        return new TierCurve("geometric", base, ratio, List.of(), tiers);
    }

    public static TierCurve table(List<Long> thresholds) {
        return new TierCurve("table", 0, 0, thresholds, thresholds.size());
    }

    /** Total XP needed for each tier, 1..tiers, strictly increasing. */
    public List<Long> thresholds() {
        List<Long> out = new ArrayList<>(tiers);
        for (int tier = 1; tier <= tiers; tier++) {
            out.add(switch (kind) {
                case "linear" -> Math.addExact(base, Math.multiplyExact(tier - 1L, (long) factor));
                case "geometric" -> (long) Math.ceil(base * Math.pow(factor, tier - 1));
                default -> table.get(tier - 1);
            });
        }
        return out;
    }

    /** The tier {@code xp} reaches (0 below the first). */
    public int tierFor(long xp) {
        List<Long> thresholds = thresholds();
        int tier = 0;
        while (tier < thresholds.size() && xp >= thresholds.get(tier)) {
            tier++;
        }
        return tier;
    }

    /** What is wrong with the curve, or null. */
    String problem() {
        if (tiers < 1 || tiers > TIERS_MAX) {
            return "1.." + TIERS_MAX + " tiers";
        }
        switch (kind) {
            case "linear" -> {
                if (base < 1 || factor < 1 || factor != Math.rint(factor)) {
                    return "linear tiers need base >= 1 and a whole step >= 1";
                }
            }
            case "geometric" -> {
                if (base < 1 || !(factor > 1) || factor > 10 || base * Math.pow(factor, tiers - 1) > 1e15) {
                    return "geometric tiers need base >= 1, a ratio in (1, 10] and a last tier below 10^15 XP";
                }
            }
            case "table" -> {
                for (int i = 0; i < table.size(); i++) {
                    if (table.get(i) == null || table.get(i) < 1 || i > 0 && table.get(i) <= table.get(i - 1)) {
                        return "a table of XP totals that rise strictly from 1, tier " + (i + 1) + " does not";
                    }
                }
            }
            default -> {
                return "kind is linear, geometric or table, got " + kind;
            }
        }
        return null;
    }
}
