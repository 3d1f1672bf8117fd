package dev.veltrix.server.cli;

import dev.veltrix.server.simulate.Simulations;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veltrix simulate economy}: agent-based players against the real economy, offline. */
@Command(name = "simulate", description = "Run simulations on a scratch database.", subcommands = SimulateCommand.Economy.class)
final class SimulateCommand implements Runnable {

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "economy", mixinStandardHelpOptions = true,
            description = "Simulate players earning, spending, trading and exploiting; write days.csv and report.html.")
    static final class Economy implements Callable<Integer> {
        @Option(names = "--players", defaultValue = "1000", description = "simulated players, 1..1000000 (default ${DEFAULT-VALUE})")
        int players;

        @Option(names = "--days", defaultValue = "30", description = "simulated days, 1..365 (default ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--policy", description = "a policy YAML (wages, shop items, agent mix, levers); built-in defaults otherwise")
        Path policy;

        @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same result (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", description = "directory for days.csv and report.html (default simulation-SEED)")
        Path out;

        @Override
        public Integer call() {
            if (players < 1 || players > 1_000_000) {
                throw new IllegalArgumentException("--players must be 1..1000000, got " + players);
            }
            if (days < 1 || days > 365) {
                throw new IllegalArgumentException("--days must be 1..365, got " + days);
            }
            Path dir = out == null ? Path.of("simulation-" + seed) : out;
            var summary = Simulations.economy(players, days, policy, seed, dir);
            System.out.println(summary);
            return 0;
        }
    }
}
