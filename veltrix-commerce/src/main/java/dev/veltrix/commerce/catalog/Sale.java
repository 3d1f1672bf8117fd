package dev.veltrix.commerce.catalog;

import java.time.Instant;
import java.util.Set;

/** A timed sale: {@code percentOff} off the packages in its scope (empty for all) from {@code startsAt} until {@code endsAt}. */
public record Sale(String id, String name, int percentOff, Set<String> scope, Instant startsAt, Instant endsAt) {

    public Sale {
        scope = Set.copyOf(scope);
    }

    public boolean covers(StorePackage pkg, Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt)
                && (scope.isEmpty() || scope.contains(pkg.id()) || scope.contains(pkg.category()));
    }
}
