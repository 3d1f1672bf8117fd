package dev.veltrix.bench;

import dev.veltrix.claims.Action;
import dev.veltrix.claims.Box;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.ClaimIndex;
import dev.veltrix.claims.Subjects;
import dev.veltrix.claims.Trust;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Permission checks per second against 100,000 claims in a 20,000 × 20,000 world, with Veltrix's
 * grid index and with the chunk-keyed map of the most used plugin ({@link ChunkMapReference}), in the
 * same run. Lookups are either uniformly random over the world, or near 500 players walking about
 * (the common case: checks cluster where players are). Every claim trusts one friend; a third of the
 * checks are by owners, a third by friends, a third by strangers.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ClaimCheckBenchmark {
    private static final int WORLD = 20_000;
    private static final int CELL = 64;
    private static final int PROBES = 1 << 20;

    @Param({"grid", "chunkmap"})
    public String index;

    @Param({"random", "near-player"})
    public String pattern;

    private ClaimIndex grid;
    private ChunkMapReference chunkMap;
    private int[] xs;
    private int[] zs;
    private UUID[] who;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(11);
        List<Claim> claims = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        List<UUID> friends = new ArrayList<>();
        // One claim per 64 × 64 cell, of 8 to 56 blocks a side, placed at random inside it: no overlaps.
        for (int cx = 0; cx < WORLD / CELL && claims.size() < 100_000; cx++) {
            for (int cz = 0; cz < WORLD / CELL && claims.size() < 100_000; cz++) {
                int w = 8 + random.nextInt(49);
                int l = 8 + random.nextInt(49);
                int x = cx * CELL + random.nextInt(CELL - w);
                int z = cz * CELL + random.nextInt(CELL - l);
                UUID owner = UUID.randomUUID();
                UUID friend = UUID.randomUUID();
                owners.add(owner);
                friends.add(friend);
                claims.add(new Claim(UUID.randomUUID(), "world", owner, new Box(x, -64, z, x + w - 1, 319, z + l - 1), null,
                        false, Map.of(Subjects.player(friend), Trust.BUILD), Map.of()));
            }
        }
        grid = ClaimIndex.of(claims);
        chunkMap = new ChunkMapReference(claims);
        xs = new int[PROBES];
        zs = new int[PROBES];
        who = new UUID[PROBES];
        int[][] players = new int[500][2];
        for (int[] p : players) {
            p[0] = random.nextInt(WORLD);
            p[1] = random.nextInt(WORLD);
        }
        for (int i = 0; i < PROBES; i++) {
            if (pattern.equals("random")) {
                xs[i] = random.nextInt(WORLD);
                zs[i] = random.nextInt(WORLD);
            } else {
                int[] p = players[random.nextInt(players.length)];
                p[0] = Math.floorMod(p[0] + random.nextInt(5) - 2, WORLD);
                p[1] = Math.floorMod(p[1] + random.nextInt(5) - 2, WORLD);
                xs[i] = p[0] + random.nextInt(9) - 4;
                zs[i] = p[1] + random.nextInt(9) - 4;
            }
            int claim = random.nextInt(claims.size());
            int kind = random.nextInt(3);
            who[i] = kind == 0 ? owners.get(claim) : kind == 1 ? friends.get(claim) : UUID.randomUUID();
        }
    }

    @Benchmark
    public boolean check() {
        int i = next++ & (PROBES - 1);
        return index.equals("grid")
                ? grid.can(who[i], List.of(), Action.BUILD, "world", xs[i], 64, zs[i])
                : chunkMap.can(who[i], Action.BUILD, xs[i], 64, zs[i]);
    }
}
