package dev.veltrix.server.config;

import dev.veltrix.claims.ClaimRules;

/**
 * @param rules         what claims must meet and how blocks are earned
 * @param blockCurrency the currency claim blocks are sold for
 * @param blockPrice    minor units per block; 0 = blocks are not for sale
 */
public record ClaimSettings(ClaimRules rules, String blockCurrency, long blockPrice) {
    public static final ClaimSettings DEFAULTS = new ClaimSettings(ClaimRules.DEFAULTS, "coins", 0);
}
