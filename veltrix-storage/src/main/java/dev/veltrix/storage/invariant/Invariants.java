package dev.veltrix.storage.invariant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** Every invariant of a Veltrix, run together: violations prefixed with the invariant they break, summaries merged. */
public record Invariants(List<Invariant> all) {
    public Invariants {
        all = List.copyOf(all);
    }

    public Map<String, Long> summary(DSLContext dsl) {
        Map<String, Long> summary = new LinkedHashMap<>();
        all.forEach(i -> summary.putAll(i.summary(dsl)));
        return summary;
    }

    /** Each violation as {@code <invariant>: <what was found>}; empty when everything holds. */
    public List<String> check(DSLContext dsl) {
        List<String> violations = new ArrayList<>();
        for (Invariant invariant : all) {
            invariant.check(dsl).forEach(v -> violations.add(invariant.area() + ": " + v));
        }
        return violations;
    }

    /** Where a restored database's summary differs from the one recorded at backup; empty when they agree. */
    public static List<String> compare(Map<String, Long> recorded, Map<String, Long> restored) {
        List<String> differences = new ArrayList<>();
        recorded.forEach((key, value) -> {
            Long now = restored.get(key);
            if (!value.equals(now)) {
                differences.add(key + " is " + now + " after the restore; the backup recorded " + value);
            }
        });
        return differences;
    }
}
