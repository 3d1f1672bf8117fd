package dev.veltrix.progression.hunts;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.invariant.Invariant;
import dev.veltrix.storage.invariant.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * One place per rank: no two finds of a treasure, and no two finishers of a hunt, share a rank (so a treasure with N
 * rewarded places has at most N winners however finds raced), and finds, treasures and timelines name hunts that exist.
 */
public final class HuntInvariant implements Invariant {
    private static final Field<String> HUNT = field(name("hunt_id"), String.class);
    private static final Field<String> TREASURE = field(name("treasure_id"), String.class);
    private static final Field<Integer> RANK = field(name("rank"), Integer.class);

    @Override
    public String area() {
        return "hunts";
    }

    @Override
    public Map<String, Long> summary(DSLContext dsl) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("hunts.hunts", (long) dsl.fetchCount(table(name("hunt_hunts"))));
        summary.put("hunts.finds", (long) dsl.fetchCount(table(name("hunt_finds"))));
        return summary;
    }

    @Override
    public List<String> check(DSLContext dsl) {
        List<String> violations = new ArrayList<>();
        dsl.select(HUNT, TREASURE, RANK, count()).from(table(name("hunt_finds"))).groupBy(HUNT, TREASURE, RANK).having(count().gt(1))
                .limit(VIOLATIONS_MAX).forEach(r -> violations.add("treasure " + r.value2() + " of hunt " + r.value1() + " has " + r.value4()
                        + " finds ranked " + r.value3()));
        dsl.select(HUNT, RANK, count()).from(table(name("hunt_finishers"))).groupBy(HUNT, RANK).having(count().gt(1))
                .limit(VIOLATIONS_MAX).forEach(r -> violations.add("hunt " + r.value1() + " has " + r.value3() + " finishers ranked " + r.value2()));
        for (String child : List.of("hunt_treasures", "hunt_finds", "hunt_finishers", "hunt_events")) {
            violations.addAll(new Reference(child, "hunt_id", "hunt_hunts", "id").check(dsl));
        }
        return violations.size() > VIOLATIONS_MAX ? violations.subList(0, VIOLATIONS_MAX) : violations;
    }
}
