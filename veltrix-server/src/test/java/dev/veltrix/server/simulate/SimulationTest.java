package dev.veltrix.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.server.cli.VeltrixCli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The economy simulator: reproducible, honest about exploiters, and its levers change outcomes. */
class SimulationTest {

    @Test
    void theSameSeedGivesTheSameDaysAndAnotherSeedDoesNot() throws Exception {
        List<DayRow> first = Simulations.rows(300, 3, SimulationPolicy.DEFAULT, 7);
        List<DayRow> again = Simulations.rows(300, 3, SimulationPolicy.DEFAULT, 7);
        List<DayRow> other = Simulations.rows(300, 3, SimulationPolicy.DEFAULT, 8);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).allSatisfy(day -> {
            assertThat(day.exploiterNet()).as("buy-then-sell loops never pay").isLessThanOrEqualTo(0);
            assertThat(day.issued()).isPositive();
        });
        assertThat(first.getLast().supply()).isEqualTo(first.stream().mapToLong(d -> d.issued() - d.sunk()).sum());
    }

    @Test
    void aTransferTaxShowsUpAsASinkAndAFaucetCapRefusesBigRewards() throws Exception {
        SimulationPolicy taxed = new SimulationPolicy(100L, 2_000L, null, null,
                new SimulationPolicy.Levers(500, BigDecimal.ZERO, 1_000L)).withDefaults();
        List<DayRow> days = Simulations.rows(300, 2, taxed, 7);
        assertThat(days.stream().mapToLong(DayRow::taxCollected).sum()).isPositive();
        assertThat(days.stream().mapToLong(DayRow::refused).sum()).as("rewards over the cap refused").isPositive();
    }

    @Test
    void theCommandWritesACsvAndASelfContainedReport(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yml");
        Files.writeString(policy, "wage: 50\nmix: {earners: 0.5, spenders: 0.5, traders: 0, exploiters: 0}\n");
        int exit = VeltrixCli.commandLine().execute("simulate", "economy", "--players", "100", "--days", "2",
                "--policy", policy.toString(), "--seed", "5", "--out", dir.resolve("out").toString());
        assertThat(exit).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("out/days.csv"));
        assertThat(csv).hasSize(3);
        String[] day1 = csv.get(1).split(",");
        assertThat(day1[0]).isEqualTo("1");
        assertThat(Long.parseLong(day1[2])).as("issued: 100 wages of 50, plus rewards and loot sold").isGreaterThan(5_000);
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("uPlot", "Money supply", "Gini").doesNotContain("src=\"http");

        Files.writeString(policy, "wages: 50\n");
        assertThatThrownBy(() -> SimulationPolicy.read(policy)).hasMessageContaining("unknown field wages");
        assertThat(VeltrixCli.commandLine().execute("simulate", "economy", "--players", "0")).isEqualTo(2);
    }
}
