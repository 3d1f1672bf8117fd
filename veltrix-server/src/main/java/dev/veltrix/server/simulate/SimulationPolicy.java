package dev.veltrix.server.simulate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a simulated economy looks like: wages and rewards (faucets), the shop's items, the agent mix,
 * and the levers under test. Read from a YAML file; every field has a default.
 *
 * @param wage        coins each player earns per day from jobs
 * @param questReward median of the occasional quest reward (log-normal, so a few are large)
 * @param mix         shares of earners, spenders, traders and exploiters (normalised)
 */
public record SimulationPolicy(Long wage, Long questReward, List<Item> items, Mix mix, Levers levers) {

    /** A shop item of the simulation. */
    public record Item(String id, Long basePrice, String model, BigDecimal sensitivity, Integer halfLifeMinutes,
                       Integer spreadBps, Integer maxMovePercent) {
    }

    public record Mix(Double earners, Double spenders, Double traders, Double exploiters) {
    }

    public record Levers(Integer transferTaxBps, BigDecimal sellDampening, Long faucetCapPerDay) {
    }

    public static final SimulationPolicy DEFAULT = new SimulationPolicy(100L, 200L, List.of(
            new Item("bread", 20L, "DEMAND", new BigDecimal("0.0005"), 720, 200, 25),
            new Item("wheat", 8L, "DEMAND", new BigDecimal("0.0005"), 720, 200, 25),
            new Item("wood", 12L, "DEMAND", new BigDecimal("0.0004"), 720, 200, 25),
            new Item("stone", 5L, "DEMAND", new BigDecimal("0.0003"), 720, 200, 25),
            new Item("coal", 30L, "DEMAND", new BigDecimal("0.0003"), 1_440, 300, 25),
            new Item("iron", 80L, "DEMAND", new BigDecimal("0.0002"), 1_440, 300, 25),
            new Item("gold", 250L, "DEMAND", new BigDecimal("0.0005"), 1_440, 300, 25),
            new Item("redstone", 60L, "DEMAND", new BigDecimal("0.0004"), 1_440, 300, 25),
            new Item("diamond", 900L, "STOCK", new BigDecimal("0.002"), 2_880, 500, 25),
            new Item("elytra", 5_000L, "FLAT", null, 0, 1_000, 0)),
            new Mix(0.55, 0.30, 0.10, 0.05), new Levers(0, BigDecimal.ZERO, 0L));

    public static SimulationPolicy read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            SimulationPolicy read = yaml.readValue(Files.readAllBytes(file), SimulationPolicy.class);
            return read == null ? DEFAULT : read.withDefaults();
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown field " + e.getPropertyName() + "; fields are wage, "
                    + "questReward, items, mix, levers");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a readable policy: " + e.getMessage());
        }
    }

    /** This policy with every omitted field taken from {@link #DEFAULT}. */
    public SimulationPolicy withDefaults() {
        Mix m = mix == null ? DEFAULT.mix : mix;
        Levers l = levers == null ? DEFAULT.levers : levers;
        return new SimulationPolicy(wage == null ? DEFAULT.wage : wage, questReward == null ? DEFAULT.questReward : questReward,
                items == null || items.isEmpty() ? DEFAULT.items : items,
                new Mix(or(m.earners(), 0.0), or(m.spenders(), 0.0), or(m.traders(), 0.0), or(m.exploiters(), 0.0)),
                new Levers(or(l.transferTaxBps(), 0), l.sellDampening() == null ? BigDecimal.ZERO : l.sellDampening(),
                        or(l.faucetCapPerDay(), 0L)));
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }
}
