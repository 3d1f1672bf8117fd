package dev.veltrix.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a new or resized claim must meet. Defaults follow the most used claim plugin so a network
 * moving over keeps its players' expectations.
 *
 * @param initialBlocks      claim blocks a new player starts with
 * @param blocksPerHour      blocks accrued per active hour (reported by game servers)
 * @param maxAccrued         accrual stops here (bought and granted blocks are extra)
 * @param minWidth           shortest side of a top-level claim
 * @param minArea            smallest area of a top-level claim
 * @param maxClaims          claims one player may own; 0 = unlimited
 * @param abandonReturnRatio share of a claim's area returned when it is abandoned
 */
public record ClaimRules(long initialBlocks, long blocksPerHour, long maxAccrued, int minWidth, long minArea,
                         int maxClaims, double abandonReturnRatio) {
    public static final ClaimRules DEFAULTS = new ClaimRules(100, 100, 80_000, 5, 100, 0, 1.0);

    /** These rules with the best terms of the groups a player belongs to. */
    public ClaimRules forGroups(java.util.Collection<String> groups, List<GroupRule> overrides) {
        long initial = initialBlocks;
        long perHour = blocksPerHour;
        long cap = maxAccrued;
        int claims = maxClaims;
        for (GroupRule rule : overrides) {
            if (!groups.contains(rule.group())) {
                continue;
            }
            initial = Math.max(initial, rule.initialBlocks());
            perHour = Math.max(perHour, rule.blocksPerHour());
            cap = Math.max(cap, rule.maxAccrued());
            if (rule.maxClaims() == 0 || (rule.maxClaims() > 0 && claims != 0)) {
                claims = rule.maxClaims() == 0 ? 0 : Math.max(claims, rule.maxClaims());
            }
        }
        return new ClaimRules(initial, perHour, cap, minWidth, minArea, claims, abandonReturnRatio);
    }

    /** Problems of a box as a top-level claim in a world, each as "field: what to fix"; empty when it fits. */
    public List<String> problems(Box box, World world) {
        List<String> problems = new ArrayList<>();
        if (!world.bounds().contains(box)) {
            problems.add("corners: the claim must lie inside " + world.name() + " (x " + world.bounds().minX() + ".."
                    + world.bounds().maxX() + ", y " + world.bounds().minY() + ".." + world.bounds().maxY() + ", z "
                    + world.bounds().minZ() + ".." + world.bounds().maxZ() + ")");
        }
        if (Math.min(box.width(), box.length()) < minWidth) {
            problems.add("corners: a claim must be at least " + minWidth + " blocks wide on each side; this one is "
                    + box.width() + " x " + box.length());
        }
        if (box.area() < minArea) {
            problems.add("corners: a claim must cover at least " + minArea + " blocks; this one covers " + box.area());
        }
        return problems;
    }
}
