package dev.veltrix.server.config;

import dev.veltrix.claims.ClaimRules;
import dev.veltrix.claims.GroupRule;
import java.util.List;
import dev.veltrix.server.claims.ExpiryPolicy;

/**
 * @param rules         what claims must meet and how blocks are earned
 * @param groupRules    better terms for members of permission groups
 * @param blockCurrency the currency claim blocks are sold for
 * @param blockPrice    minor units per block; 0 = blocks are not for sale
 * @param expiry        when inactive owners' claims expire
 */
public record ClaimSettings(ClaimRules rules, List<GroupRule> groupRules, String blockCurrency, long blockPrice,
                            ExpiryPolicy expiry) {
    public static final ClaimSettings DEFAULTS = new ClaimSettings(ClaimRules.DEFAULTS, List.of(), "coins", 0,
            ExpiryPolicy.DEFAULTS);
}
