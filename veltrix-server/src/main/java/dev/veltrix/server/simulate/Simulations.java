package dev.veltrix.server.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Runs a simulation end to end: scratch database, days, report, clean-up. */
public final class Simulations {
    private Simulations() {
    }

    /** Simulates and writes the report to {@code out}; returns a one-paragraph summary. */
    public static String economy(int players, int days, Path policyFile, long seed, Path out) {
        SimulationPolicy policy = policyFile == null ? SimulationPolicy.DEFAULT : SimulationPolicy.read(policyFile);
        long started = System.nanoTime();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("veltrix-simulation-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory", e);
        }
        List<DayRow> rows;
        try (EconomySimulation simulation = new EconomySimulation(policy, players, seed, scratch)) {
            rows = simulation.run(days);
        } finally {
            delete(scratch);
        }
        SimulationReport.write(out, rows, "Veltrix economy simulation: " + players + " players, " + days + " days, seed " + seed);
        DayRow last = rows.getLast();
        long exploiters = rows.stream().mapToLong(DayRow::exploiterNet).sum();
        return String.format("simulated %d players for %d days in %.1f s; supply %d, price index %s, Gini %s, "
                        + "exploiters net %d; wrote %s and %s", players, days, (System.nanoTime() - started) / 1e9,
                last.supply(), last.priceIndex(), last.gini(), exploiters, out.resolve("days.csv"), out.resolve("report.html"));
    }

    /** Just the rows, for tests that compare runs. */
    static List<DayRow> rows(int players, int days, SimulationPolicy policy, long seed) throws IOException {
        Path scratch = Files.createTempDirectory("veltrix-simulation-");
        try (EconomySimulation simulation = new EconomySimulation(policy, players, seed, scratch)) {
            return simulation.run(days);
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
