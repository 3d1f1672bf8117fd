package dev.veltrix.server.claims;

import static dev.veltrix.server.claims.ClaimTables.*;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import dev.veltrix.claims.Box;
import dev.veltrix.storage.invariant.Invariant;
import dev.veltrix.storage.invariant.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Land is never claimed twice: no two top-level claims of a world overlap, no two subdivisions of one claim overlap,
 * every subdivision lies inside its claim, and every claim's world, parent, trust and flags name rows that exist.
 */
public final class ClaimInvariant implements Invariant {

    @Override
    public String area() {
        return "claims";
    }

    @Override
    public Map<String, Long> summary(DSLContext dsl) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("claims.worlds", (long) dsl.fetchCount(WORLDS));
        summary.put("claims.top-level", (long) dsl.fetchCount(CLAIMS, C_PARENT.isNull()));
        summary.put("claims.subdivisions", (long) dsl.fetchCount(CLAIMS, C_PARENT.isNotNull()));
        return summary;
    }

    @Override
    public List<String> check(DSLContext dsl) {
        List<String> violations = new ArrayList<>();
        overlaps(dsl, violations);
        outsideTheirClaim(dsl, violations);
        violations.addAll(new Reference("claims", "world", "claim_worlds", "id").check(dsl));
        violations.addAll(new Reference("claims", "parent", "claims", "id").check(dsl));
        violations.addAll(new Reference("claim_trust", "claim_id", "claims", "id").check(dsl));
        violations.addAll(new Reference("claim_flags", "claim_id", "claims", "id").check(dsl));
        return violations.size() > VIOLATIONS_MAX ? violations.subList(0, VIOLATIONS_MAX) : violations;
    }

    /**
     * A sweep along x per world and parent: claims come sorted by their west edge, and each is compared only with the
     * claims still open at that edge, so a network of a million claims is checked in one pass, not a million squared.
     */
    private static void overlaps(DSLContext dsl, List<String> violations) {
        record Placed(String id, String world, String parent, Box box) {
        }
        List<Placed> open = new ArrayList<>();
        String world = null;
        String parent = null;
        try (var rows = dsl.select(C_ID, C_WORLD, C_PARENT, MIN_X, MIN_Y, MIN_Z, MAX_X, MAX_Y, MAX_Z).from(CLAIMS)
                .orderBy(C_WORLD, C_PARENT, MIN_X).fetchSize(1_000).fetchLazy()) {
            for (Record r : rows) {
                Placed claim = new Placed(r.get(C_ID), r.get(C_WORLD), r.get(C_PARENT),
                        new Box(r.get(MIN_X), r.get(MIN_Y), r.get(MIN_Z), r.get(MAX_X), r.get(MAX_Y), r.get(MAX_Z)));
                if (!claim.world().equals(world) || !Objects.equals(claim.parent(), parent)) {
                    open.clear();
                    world = claim.world();
                    parent = claim.parent();
                }
                open.removeIf(p -> p.box().maxX() < claim.box().minX());
                for (Placed other : open) {
                    if (other.box().intersects(claim.box()) && violations.size() < VIOLATIONS_MAX) {
                        violations.add((parent == null ? "claims " : "subdivisions ") + other.id() + " and " + claim.id() + " overlap in world "
                                + world + " (" + describe(other.box()) + " and " + describe(claim.box()) + ")");
                    }
                }
                open.add(claim);
            }
        }
    }

    private static void outsideTheirClaim(DSLContext dsl, List<String> violations) {
        var sub = CLAIMS.as("s");
        var top = CLAIMS.as("p");
        Field<String> subId = field(name("s", "id"), String.class);
        Field<String> topId = field(name("p", "id"), String.class);
        var inside = col("s", "min_x").ge(col("p", "min_x")).and(col("s", "max_x").le(col("p", "max_x")))
                .and(col("s", "min_z").ge(col("p", "min_z"))).and(col("s", "max_z").le(col("p", "max_z")))
                .and(col("s", "min_y").ge(col("p", "min_y"))).and(col("s", "max_y").le(col("p", "max_y")));
        dsl.select(subId, topId).from(sub).join(top).on(topId.eq(field(name("s", "parent"), String.class))).where(inside.not())
                .limit(VIOLATIONS_MAX)
                .forEach(r -> violations.add("subdivision " + r.value1() + " reaches outside its claim " + r.value2()));
    }

    private static Field<Integer> col(String alias, String column) {
        return field(name(alias, column), Integer.class);
    }

    private static String describe(Box b) {
        return "(" + b.minX() + "," + b.minY() + "," + b.minZ() + ")..(" + b.maxX() + "," + b.maxY() + "," + b.maxZ() + ")";
    }
}
