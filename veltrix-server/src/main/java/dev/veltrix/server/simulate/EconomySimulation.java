package dev.veltrix.server.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.exchange.ExchangeService;
import dev.veltrix.economy.exchange.ExchangeSettings;
import dev.veltrix.economy.exchange.OrderRequest;
import dev.veltrix.economy.exchange.OrderResult;
import dev.veltrix.economy.exchange.OrderSide;
import dev.veltrix.economy.exchange.OrderType;
import dev.veltrix.economy.exchange.Pair;
import dev.veltrix.economy.exchange.sql.JooqExchangeStore;
import dev.veltrix.economy.inflation.DayIndicators;
import dev.veltrix.economy.inflation.EconomyPolicy;
import dev.veltrix.economy.inflation.InflationLevers;
import dev.veltrix.economy.inflation.InflationService;
import dev.veltrix.economy.inflation.SupplyDampening;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.economy.market.MarketItem;
import dev.veltrix.economy.market.MarketService;
import dev.veltrix.economy.market.MarketSettings;
import dev.veltrix.economy.market.PriceModel;
import dev.veltrix.economy.market.Side;
import dev.veltrix.economy.market.sql.JooqMarketStore;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.StorageConfig;
import dev.veltrix.storage.StorageSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agent-based players against the real ledger, shop, exchange and inflation services, on a scratch
 * SQLite database and a simulated clock. Every choice comes from one seeded random source and
 * every action runs in a fixed order, so the same seed gives the same days.
 *
 * <p>Agents: earners (wages, loot sold to the shop, gifts to other players), spenders (buy from the
 * shop), traders (limit orders on gems-coins), exploiters (buy then sell straight back, hoping the
 * shop's prices can be farmed). Everyone earns a wage; some get quest rewards.
 */
final class EconomySimulation implements AutoCloseable {
    static final String CURRENCY = "coins";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final AccountId JOBS = new AccountId("system:jobs");
    private static final AccountId QUESTS = new AccountId("system:quests");
    private static final String PAIR = "gems-coins";

    private enum Role { EARNER, SPENDER, TRADER, EXPLOITER }

    private final SimulationPolicy policy;
    private final SplittableRandom random;
    private final SimulatedClock clock = new SimulatedClock(START);
    private final Database database;
    private final LedgerService ledger;
    private final MarketService market;
    private final ExchangeService exchange;
    private final InflationService inflation;
    private final InflationLevers levers;
    private final List<UUID> players = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<String> items = new ArrayList<>();
    private final SupplyDampening dampening;
    private final Map<Intent, Long> planned = new IdentityHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private long keys;
    private long lastPrice = 100;

    EconomySimulation(SimulationPolicy policy, int playerCount, long seed, Path scratch) {
        this.policy = policy;
        this.random = new SplittableRandom(seed);
        database = Database.open(new StorageConfig("jdbc:sqlite:" + scratch.resolve("simulation.db"), "", "", 4,
                StorageConfig.SqliteSync.OFF));
        database.migrate(List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, JooqMarketStore.SCHEMA, JooqExchangeStore.SCHEMA));
        ObjectMapper json = new ObjectMapper();
        ledger = new LedgerService(new JooqLedgerStore(database, clock, json), new LedgerSettings(512, 65_536, 60_000),
                LedgerObserver.NONE);
        SimulationPolicy.Levers l = policy.levers();
        EconomyPolicy economy = new EconomyPolicy(l.transferTaxBps(), l.sellDampening(), l.faucetCapPerDay(), List.of());
        Set<AccountId> inside = Set.of(ExchangeService.ESCROW);
        levers = new InflationLevers(ledger, clock, economy, Set.of(MarketService.SHOP, ExchangeService.ESCROW));
        ledger.policy(levers);
        dampening = new SupplyDampening(ledger, clock, economy.sellDampening(), inside);
        market = new MarketService(new JooqMarketStore(database, clock), ledger, clock, new MarketSettings(Duration.ofMinutes(1), 0),
                dampening);
        exchange = new ExchangeService(new JooqExchangeStore(database), ledger, clock, ExchangeSettings.DEFAULTS);
        inflation = new InflationService(ledger, market, clock, inside, levers, dampening::factor);
        setUp(playerCount, seed);
    }

    private void setUp(int playerCount, long seed) {
        ledger.createCurrency(new Currency(CURRENCY, "Coins", 0));
        ledger.createCurrency(new Currency("gems", "Gems", 0));
        for (SimulationPolicy.Item item : policy.items()) {
            PriceModel model = PriceModel.valueOf(item.model() == null ? "DEMAND" : item.model());
            long base = item.basePrice();
            market.define(new MarketItem(item.id(), item.id(), CURRENCY, model, base,
                    item.sensitivity() == null ? BigDecimal.ZERO : item.sensitivity(), base / 4, base * 4,
                    model == PriceModel.STOCK ? 10L * playerCount : 0, or(item.halfLifeMinutes(), 0), or(item.spreadBps(), 200),
                    or(item.maxMovePercent(), 0), 60, 0, 0, true));
            items.add(item.id());
        }
        exchange.define(new Pair("gems", CURRENCY, 1, 1, 10));
        SimulationPolicy.Mix mix = policy.mix();
        double total = mix.earners() + mix.spenders() + mix.traders() + mix.exploiters();
        for (int i = 0; i < playerCount; i++) {
            players.add(new UUID(seed, i));
            double draw = random.nextDouble() * total;
            roles.add(draw < mix.earners() ? Role.EARNER : draw < mix.earners() + mix.spenders() ? Role.SPENDER
                    : draw < mix.earners() + mix.spenders() + mix.traders() ? Role.TRADER : Role.EXPLOITER);
        }
        List<TransferRequest> gems = new ArrayList<>();
        for (int i = 0; i < playerCount; i++) {
            if (roles.get(i) == Role.TRADER) {
                gems.add(new TransferRequest(AccountId.ISSUANCE, AccountId.player(players.get(i)), "gems", 1_000, null, null));
                flush(gems, false);
            }
        }
        flush(gems, true);
    }

    private void flush(List<TransferRequest> legs, boolean always) {
        if (legs.isEmpty() || (!always && legs.size() < LedgerService.LEGS_MAX)) {
            return;
        }
        ledger.batch("setup:" + ++keys, List.copyOf(legs));
        legs.clear();
    }

    /** Runs the days and returns one row per day. */
    List<DayRow> run(int days) {
        List<DayRow> rows = new ArrayList<>(days);
        for (int day = 1; day <= days; day++) {
            rows.add(day(day));
        }
        return rows;
    }

    private DayRow day(int day) {
        Instant dayStart = START.plus(Duration.ofDays(day - 1));
        clock.set(dayStart);
        long refusedBefore = levers.refused();
        Counters counters = new Counters();
        payWages(day);
        List<Intent> intents = plan();
        planned.clear();
        for (Intent intent : intents) {
            planned.put(intent, ++keys);
        }
        // Phases, so that what runs at the same time never depends on the order it finishes in:
        // faucets (credits only), gifts (packed so no player is in two at once), shop trades (one lane
        // per item, each lane in plan order; a player trades at most once a day), then the day's orders
        // as one batch in plan order. The same seed therefore gives the same day.
        Duration step = Duration.ofMillis(1);
        runTogether(of(intents, Intent.Quest.class).stream().map(List::<Intent>of).toList(), counters, step);
        for (List<Intent> wave : Waves.pack(new ArrayList<>(of(intents, Intent.Gift.class)))) {
            runTogether(wave.stream().map(List::of).toList(), counters, step);
        }
        Map<String, List<Intent>> lanes = new java.util.TreeMap<>();
        for (Intent intent : intents) {
            if (intent instanceof Intent.Shop shop) {
                lanes.computeIfAbsent(shop.item(), k -> new ArrayList<>()).add(intent);
            } else if (intent instanceof Intent.Exploit exploit) {
                lanes.computeIfAbsent(exploit.item(), k -> new ArrayList<>()).add(intent);
            }
        }
        runTogether(new ArrayList<>(lanes.values()), counters, step);
        List<Intent.Order> orders = of(intents, Intent.Order.class);
        placeOrders(orders, counters);
        clock.set(dayStart.plus(Duration.ofDays(1)));
        LocalDate date = LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
        DayIndicators today = inflation.indicators(CURRENCY, date, date, LocalDate.ofInstant(START, ZoneOffset.UTC))
                .days().getFirst();
        return new DayRow(day, today.supply(), today.issued(), today.sunk(), today.volume(), today.priceIndex(),
                today.inflationDay(), gini(ledger.playerBalances(CURRENCY)), counters.trades.get(), counters.orders.get(),
                levers.refused() - refusedBefore, counters.exploiterNet.get(), today.sinks().getOrDefault("tax", 0L));
    }

    private static <T extends Intent> List<T> of(List<Intent> intents, Class<T> kind) {
        return intents.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * Runs lanes at the same time, each lane's intents one after another. The clock moves before
     * the lanes start and the sell-price dampening is refreshed then, never by a racing trade.
     */
    private void runTogether(List<List<Intent>> lanes, Counters counters, Duration step) {
        if (lanes.isEmpty()) {
            return;
        }
        clock.advance(step);
        dampening.factor(CURRENCY);
        List<Callable<Void>> tasks = new ArrayList<>(lanes.size());
        for (List<Intent> lane : lanes) {
            tasks.add(() -> {
                lane.forEach(intent -> perform(intent, counters));
                return null;
            });
        }
        try {
            for (var done : workers.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated action failed: " + e.getCause(), e.getCause());
        }
    }

    private static final class Counters {
        final AtomicLong trades = new AtomicLong();
        final AtomicLong orders = new AtomicLong();
        final AtomicLong exploiterNet = new AtomicLong();
    }

    private void payWages(int day) {
        List<TransferRequest> wages = new ArrayList<>();
        for (UUID player : players) {
            wages.add(new TransferRequest(JOBS, AccountId.player(player), CURRENCY, policy.wage(), "wage", null));
            if (wages.size() == LedgerService.LEGS_MAX) {
                postWages(day, wages);
            }
        }
        postWages(day, wages);
    }

    private void postWages(int day, List<TransferRequest> wages) {
        if (wages.isEmpty()) {
            return;
        }
        try {
            ledger.batch("wage:" + day + ":" + ++keys, List.copyOf(wages));
        } catch (VeltrixException capped) {
            for (TransferRequest wage : wages) { // one capped player must not cost everyone their wage
                attempt(() -> ledger.transfer("wage:" + day + ":" + ++keys, wage));
            }
        }
        wages.clear();
    }

    /** Today's intents of every agent, drawn in player order from the seeded source. */
    private List<Intent> plan() {
        List<Intent> intents = new ArrayList<>();
        List<String> loot = items.stream().filter(id -> market.item(id).basePrice() <= 100).toList();
        for (int i = 0; i < players.size(); i++) {
            if (random.nextDouble() < 0.05) {
                intents.add(new Intent.Quest(i, Math.max(1, Math.round(policy.questReward() * Math.exp(random.nextGaussian() * 0.8)))));
            }
            switch (roles.get(i)) {
                case EARNER -> {
                    double draw = random.nextDouble();
                    if (draw < 0.3 && !loot.isEmpty()) { // loot found in the world, sold to the shop
                        intents.add(new Intent.Shop(i, loot.get(random.nextInt(loot.size())), false, 1 + random.nextInt(2)));
                    } else if (draw < 0.4) {
                        int friend = random.nextInt(players.size());
                        if (friend != i) {
                            intents.add(new Intent.Gift(i, friend, Math.max(1, policy.wage() / 5)));
                        }
                    }
                }
                case SPENDER -> {
                    if (random.nextDouble() < 0.5) {
                        intents.add(new Intent.Shop(i, items.get(random.nextInt(items.size())), true, 1 + random.nextInt(3)));
                    }
                }
                case TRADER -> {
                    boolean buy = random.nextBoolean();
                    long price = Math.max(1, lastPrice + (buy ? -1 : 1) * (random.nextInt(11) - 4));
                    intents.add(new Intent.Order(i, buy, price, 1 + random.nextInt(10)));
                }
                case EXPLOITER -> intents.add(new Intent.Exploit(i, items.get(random.nextInt(items.size())), 5));
            }
        }
        return intents;
    }

    private void perform(Intent intent, Counters counters) {
        UUID player = players.get(intent.player());
        switch (intent) {
            case Intent.Quest quest -> attempt(() -> ledger.transfer("quest:" + key(intent), new TransferRequest(QUESTS,
                    AccountId.player(player), CURRENCY, quest.reward(), "quest", null)));
            case Intent.Shop shop -> {
                if (trade(player, shop.buy() ? Side.BUY : Side.SELL, shop.quantity(), shop.item(), key(intent)) > 0) {
                    counters.trades.incrementAndGet();
                }
            }
            case Intent.Gift gift -> attempt(() -> ledger.transfer("gift:" + key(intent), new TransferRequest(
                    AccountId.player(player), AccountId.player(players.get(gift.friend())), CURRENCY, gift.amount(), "gift", null)));
            case Intent.Order order -> throw new IllegalStateException("orders are placed together, not in waves");
            case Intent.Exploit exploit -> {
                long paid = trade(player, Side.BUY, exploit.quantity(), exploit.item(), key(intent) + ":buy");
                if (paid > 0) {
                    long got = Math.max(0, trade(player, Side.SELL, exploit.quantity(), exploit.item(), key(intent) + ":sell"));
                    counters.exploiterNet.addAndGet(got - paid);
                    counters.trades.addAndGet(2);
                }
            }
        }
    }

    private void placeOrders(List<Intent.Order> orders, Counters counters) {
        List<OrderRequest> requests = new ArrayList<>(orders.size());
        for (Intent.Order order : orders) {
            requests.add(new OrderRequest(players.get(order.player()), order.buy() ? OrderSide.BUY : OrderSide.SELL,
                    OrderType.LIMIT, order.price(), order.quantity(), 0, null, "order:" + key(order)));
        }
        for (ExchangeService.Outcome outcome : exchange.placeAll(PAIR, requests)) {
            OrderResult placed = outcome.result();
            if (placed != null) {
                counters.orders.incrementAndGet();
                if (placed.order().filled() > 0) {
                    lastPrice = placed.order().spent() / placed.order().filled();
                }
            }
        }
    }

    /** An idempotency key unique to this intent: its number in the order the intents were planned. */
    private String key(Intent intent) {
        return Long.toString(planned.get(intent));
    }

    /** A shop trade's amount, or −1 when a rule or the player's purse refused it. */
    private long trade(UUID player, Side side, long quantity, String item, String key) {
        try {
            return market.trade(item, player, side, quantity, null, "trade:" + key).trade().total();
        } catch (VeltrixException refused) {
            return -1;
        }
    }

    private static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (VeltrixException refused) {
            return false;
        }
    }

    /** The Gini coefficient of non-negative wealth: 0 equal, approaching 1 when one holds all. */
    static BigDecimal gini(long[] wealth) {
        long[] sorted = wealth.clone();
        Arrays.sort(sorted);
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < sorted.length; i++) {
            weighted += (i + 1) * (double) sorted[i];
            total += sorted[i];
        }
        if (sorted.length == 0 || total == 0) {
            return BigDecimal.ZERO;
        }
        double n = sorted.length;
        return BigDecimal.valueOf((2 * weighted) / (n * total) - (n + 1) / n).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static int or(Integer given, int fallback) {
        return given == null ? fallback : given;
    }

    @Override
    public void close() {
        workers.close();
        exchange.close();
        ledger.close();
        database.close();
    }
}
