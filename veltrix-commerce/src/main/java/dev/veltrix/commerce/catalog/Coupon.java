package dev.veltrix.commerce.catalog;

import java.time.Instant;
import java.util.Set;

/**
 * A discount code: a percentage, or an amount in one currency, off the packages in its scope (package or
 * category ids; empty for the whole store), until it expires or has been used {@code maxUses} times.
 */
public record Coupon(String code, Integer percentOff, Long amountOff, String currency, Set<String> scope, Instant expiresAt,
                     Integer maxUses, int uses) {

    public Coupon {
        scope = Set.copyOf(scope);
    }

    public boolean covers(StorePackage pkg) {
        return scope.isEmpty() || scope.contains(pkg.id()) || scope.contains(pkg.category());
    }
}
