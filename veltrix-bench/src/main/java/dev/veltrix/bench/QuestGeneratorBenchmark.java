package dev.veltrix.bench;

import dev.veltrix.progression.quests.GeneratedQuest;
import dev.veltrix.progression.quests.PlayerContext;
import dev.veltrix.progression.quests.QuestGenerator;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Daily boards (three quests each) from 10,000 templates for 1,000 different players: levels 1..60, each with 0..200
 * quests completed on days of the last month, on days of a year. Throughput is boards per time; SampleTime's
 * percentiles are per board.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class QuestGeneratorBenchmark {
    private QuestGenerator generator;
    private PlayerContext[] players;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        generator = new QuestGenerator(1, QuestContentSynth.build(10_000, 7));
        SplittableRandom random = new SplittableRandom(11);
        players = new PlayerContext[1_000];
        LocalDate today = LocalDate.of(2026, 12, 1);
        for (int p = 0; p < players.length; p++) {
            Map<String, LocalDate> completed = new HashMap<>();
            int done = random.nextInt(201);
            for (int i = 0; i < done; i++) {
                completed.put("quest-" + random.nextInt(10_000), today.minusDays(random.nextInt(30)));
            }
            players[p] = new PlayerContext(new UUID(random.nextLong(), random.nextLong()), 1 + random.nextInt(60), "region-" + random.nextInt(500),
                    completed, Set.of());
        }
    }

    @Benchmark
    public List<GeneratedQuest> dailyBoard() {
        int i = next++;
        PlayerContext player = players[i % players.length];
        return generator.board(player, QuestGenerator.Board.DAILY, LocalDate.of(2026, 1, 1).plusDays(i % 365), 42);
    }
}
