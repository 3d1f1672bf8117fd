package dev.veltrix.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The grid index answers exactly what a scan of every claim answers, through any series of changes. */
class ClaimIndexProperties {

    @Provide
    Arbitrary<Claim> claims() {
        Arbitrary<Integer> corner = Arbitraries.integers().between(-700, 700);
        Arbitrary<Integer> size = Arbitraries.integers().between(0, 300);
        Arbitrary<Integer> height = Arbitraries.integers().between(-64, 300);
        return Combinators.combine(corner, corner, size, size, height, Arbitraries.of("world", "nether"))
                .as((x, z, w, l, y, world) -> new Claim(UUID.randomUUID(), world, UUID.randomUUID(),
                        new Box(x, y, z, x + w, Math.min(319, y + 40), z + l), null, false, Map.of(), Map.of()));
    }

    @Provide
    Arbitrary<int[]> points() {
        return Combinators.combine(Arbitraries.integers().between(-1100, 1100), Arbitraries.integers().between(-64, 319),
                Arbitraries.integers().between(-1100, 1100)).as((x, y, z) -> new int[] {x, y, z});
    }

    /** What a scan finds: the last-added claim containing the point (top-level claims may overlap here). */
    private static List<Claim> scan(Map<UUID, Claim> claims, String world, int[] p) {
        List<Claim> found = new ArrayList<>();
        for (Claim c : claims.values()) {
            if (c.world().equals(world) && c.box().contains(p[0], p[1], p[2])) {
                found.add(c);
            }
        }
        return found;
    }

    @Property(tries = 200)
    void theIndexFindsAClaimExactlyWhereAScanDoes(@ForAll @Size(max = 60) List<@net.jqwik.api.From("claims") Claim> added,
                                                   @ForAll @Size(max = 20) List<Integer> removals,
                                                   @ForAll @Size(min = 1, max = 100) List<@net.jqwik.api.From("points") int[]> probes) {
        Map<UUID, Claim> live = new LinkedHashMap<>();
        ClaimIndex index = ClaimIndex.empty();
        for (Claim claim : added) {
            index = index.with(claim);
            live.put(claim.id(), claim);
        }
        for (int r : removals) {
            if (!live.isEmpty()) {
                UUID gone = new ArrayList<>(live.keySet()).get(Math.floorMod(r, live.size()));
                index = index.without(gone);
                live.remove(gone);
            }
        }
        ClaimIndex rebuilt = ClaimIndex.of(live.values());
        for (int[] p : probes) {
            for (String world : List.of("world", "nether")) {
                List<Claim> expected = scan(live, world, p);
                Claim viaChanges = index.at(world, p[0], p[1], p[2]);
                Claim viaBuild = rebuilt.at(world, p[0], p[1], p[2]);
                if (expected.isEmpty()) {
                    assertThat(viaChanges).isNull();
                    assertThat(viaBuild).isNull();
                } else {
                    assertThat(expected).contains(viaChanges, viaBuild);
                }
            }
        }
        assertThat(index.size()).isEqualTo(live.size());
    }
}
