package dev.veltrix.bench;

import dev.veltrix.economy.market.MarketItem;
import dev.veltrix.economy.market.MarketService;
import dev.veltrix.economy.market.MarketSettings;
import dev.veltrix.economy.market.PriceModel;
import dev.veltrix.economy.market.SellDampening;
import dev.veltrix.economy.market.Side;
import dev.veltrix.economy.market.sql.JooqMarketStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shop trades per second through {@link MarketService}: 64 concurrent callers buying and selling
 * 100 DEMAND items between 10,000 funded players, each trade priced along its curve, recorded with
 * its candle, and paid through the ledger in the same transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 15)
public class MarketTradeBenchmark extends LedgerBench {
    private static final int PLAYERS = 10_000;
    private static final int ITEMS = 100;

    private MarketService market;
    private final List<UUID> players = new ArrayList<>();

    @Setup(Level.Trial)
    public void open() throws Exception {
        openLedger();
        market = new MarketService(new JooqMarketStore(db, Clock.systemUTC()), ledger, Clock.systemUTC(),
                new MarketSettings(Duration.ofSeconds(15), 0), SellDampening.NONE);
        for (int i = 0; i < ITEMS; i++) {
            market.define(new MarketItem("item-" + i, "Item " + i, "coins", PriceModel.DEMAND, 1_000,
                    new BigDecimal("0.0001"), 250, 4_000, 0, 60, 200, 0, 60, 0, 0, true));
        }
        players.addAll(fundPlayers(PLAYERS));
        analyse();
    }

    @Benchmark
    public Object trade() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Mostly buys: players own nothing to sell at first, and the shop's curve is the subject here.
        return market.trade("item-" + random.nextInt(ITEMS), players.get(random.nextInt(PLAYERS)), Side.BUY,
                1 + random.nextInt(5), null, UUID.randomUUID().toString());
    }
}
