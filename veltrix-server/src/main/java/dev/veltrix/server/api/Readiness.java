package dev.veltrix.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code /health/ready} reports: each dependency with its state. The node is ready (200) when every dependency it
 * cannot serve without (the database, Kafka in cluster mode) answers; the others (chain nodes of the store's rails)
 * are reported, and only degrade what depends on them.
 */
public final class Readiness {
    /** One dependency: its name, whether the node needs it to serve at all, and how to look at it now. */
    public record Check(String name, boolean required, Supplier<State> probe) {
    }

    /** A dependency's state: {@code UP} or {@code DOWN}, and what was seen. */
    public record State(String status, String detail) {
        public static State up(String detail) {
            return new State("UP", detail);
        }

        public static State down(String detail) {
            return new State("DOWN", detail);
        }
    }

    private final Supplier<List<Check>> checks;

    /** @param checks the dependencies as they are now (a rail set up on the console joins at once) */
    public Readiness(Supplier<List<Check>> checks) {
        this.checks = checks;
    }

    /** Every dependency's state, and whether the node is ready. */
    public Map<String, Object> report() {
        Map<String, Object> dependencies = new LinkedHashMap<>();
        boolean ready = true;
        for (Check check : checks.get()) {
            State state;
            try {
                state = check.probe().get();
            } catch (RuntimeException e) {
                state = State.down(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            dependencies.put(check.name(), state);
            ready &= !check.required() || state.status().equals("UP");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", ready ? "UP" : "DOWN");
        report.put("dependencies", dependencies);
        return report;
    }
}
