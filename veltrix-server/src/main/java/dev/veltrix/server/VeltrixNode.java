package dev.veltrix.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.event.EventBus;
import dev.veltrix.core.event.InProcessEventBus;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.economy.exchange.ExchangeService;
import dev.veltrix.economy.exchange.sql.JooqExchangeStore;
import dev.veltrix.economy.market.MarketService;
import dev.veltrix.economy.inflation.EconomyPolicy;
import dev.veltrix.economy.inflation.InflationLevers;
import dev.veltrix.economy.inflation.InflationService;
import dev.veltrix.economy.inflation.SupplyDampening;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.network.NetworkService;
import dev.veltrix.network.sql.JooqNetworkStore;
import dev.veltrix.server.api.EconomyApi;
import dev.veltrix.network.chat.ChatReports;
import dev.veltrix.network.chat.ChatService;
import dev.veltrix.network.events.EventIngest;
import dev.veltrix.server.api.network.ChatApi;
import dev.veltrix.server.api.network.EventsApi;
import dev.veltrix.server.api.network.NetworkApi;
import dev.veltrix.storage.lease.LeasedTask;
import dev.veltrix.server.api.claims.ClaimsApi;
import dev.veltrix.server.claims.BlockShop;
import dev.veltrix.server.api.claims.ClaimArchiveApi;
import dev.veltrix.server.claims.ClaimArchive;
import dev.veltrix.server.claims.ClaimExpiry;
import dev.veltrix.server.claims.ClaimService;
import dev.veltrix.server.claims.ExpiryPolicy;
import dev.veltrix.server.claims.ExpirySweeper;
import dev.veltrix.server.claims.ExpiryWebhook;
import dev.veltrix.server.claims.GriefLog;
import dev.veltrix.server.config.FixSettings;
import dev.veltrix.server.fix.FixGateway;
import dev.veltrix.server.metrics.InflationMetrics;
import java.util.Set;
import dev.veltrix.economy.market.sql.JooqMarketStore;
import dev.veltrix.server.api.LedgerApi;
import dev.veltrix.server.api.exchange.ExchangeApi;
import dev.veltrix.server.api.market.MarketApi;
import dev.veltrix.server.api.PlayerApi;
import dev.veltrix.server.api.SystemRoutes;
import dev.veltrix.server.auth.AdminStore;
import dev.veltrix.server.auth.LoginThrottle;
import dev.veltrix.server.auth.OwnerSetup;
import dev.veltrix.server.auth.PlayerLogins;
import dev.veltrix.server.auth.ServerKeyStore;
import dev.veltrix.server.auth.WebSessions;
import dev.veltrix.server.config.VeltrixConfig;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.HttpServer;
import dev.veltrix.server.http.KeyAuthorizer;
import dev.veltrix.server.http.Json;
import dev.veltrix.server.metrics.HttpMetrics;
import dev.veltrix.server.metrics.LedgerMetrics;
import dev.veltrix.server.metrics.Metrics;
import dev.veltrix.server.stream.StreamHub;
import dev.veltrix.server.web.ConsolePages;
import dev.veltrix.server.web.ConsoleRoutes;
import dev.veltrix.server.web.ClaimPages;
import dev.veltrix.server.web.NetworkPages;
import dev.veltrix.server.web.EconomyPages;
import dev.veltrix.server.web.PortalRoutes;
import dev.veltrix.server.web.Web;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.OutboxPruner;
import dev.veltrix.storage.outbox.OutboxRelay;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Veltrix node: storage, the event relay, every capability, and the web server. The
 * order of construction is the order of dependency; {@link #close()} undoes it in reverse.
 */
public final class VeltrixNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VeltrixNode.class);

    private final Database database;
    private final EventBus bus;
    private final OutboxRelay relay;
    private final OutboxPruner pruner;
    private final Metrics metrics;
    private final LedgerService ledger;
    private final MarketService market;
    private final ExchangeService exchange;
    private final InflationService inflation;
    private final InflationMetrics inflationMetrics;
    private final FixGateway fix;
    private final ClaimService claims;
    private final GriefLog griefLog;
    private final ExpirySweeper expirySweeper;
    private final ExpiryWebhook expiryWebhook;
    private final NetworkService network;
    private final LeasedTask presenceSweep;
    private final LeasedTask eventIdsPrune;
    private final EventIngest ingest;
    private final dev.veltrix.server.store.Store store;
    private final dev.veltrix.progression.hunts.Hunts hunts;
    private final LeasedTask huntRewards;
    private final dev.veltrix.progression.battlepass.BattlePass battlePass;
    private final dev.veltrix.progression.battlepass.XpFeed xpFeed;
    private final dev.veltrix.progression.battlepass.SeasonArchive seasonArchive;
    private final LeasedTask seasonArchiver;
    private final dev.veltrix.progression.quests.QuestLibrary questLibrary;
    private final dev.veltrix.progression.quests.QuestLog questLog;
    private final dev.veltrix.progression.quests.QuestFeed questFeed;
    private final LeasedTask questSweep;
    private final dev.veltrix.branding.Brands brands;
    private final dev.veltrix.ops.backup.ScheduledBackups backups;
    private final LeasedTask backupSchedule;
    private final StreamHub stream;
    private final Javalin http;
    private final Optional<String> ownerPassword;
    private List<ApiRoutes.Endpoint> apiEndpoints = List.of();

    private VeltrixNode(VeltrixConfig config, Clock clock, PrintStream console) {
        database = Database.open(config.storage());
        database.migrate(schemas());
        ObjectMapper json = Json.mapper();
        metrics = new Metrics();
        bus = config.kafka() == null ? new InProcessEventBus()
                : dev.veltrix.kafka.KafkaEventBus.start(config.kafka(), metrics.registry());
        Leases leases = new Leases(database, clock);
        relay = new OutboxRelay(database, bus, leases, config.nodeId());
        database.afterCommit(relay::wake); // events go out as they commit, not at the relay's next poll
        pruner = new OutboxPruner(database, leases, clock, config.outboxRetention(), config.nodeId());
        ledger = new LedgerService(new JooqLedgerStore(database, clock, json), config.ledger(),
                new LedgerMetrics(metrics.registry(), relay::wake));
        Gauge.builder("veltrix.ledger.queue", ledger, LedgerService::queued)
                .description("postings waiting for the ledger writer").register(metrics.registry());

        EconomyPolicy policy = config.economy().policy();
        Set<AccountId> inside = Set.of(ExchangeService.ESCROW);
        InflationLevers levers = new InflationLevers(ledger, clock, policy, Set.of(MarketService.SHOP, ExchangeService.ESCROW));
        ledger.policy(levers);
        SupplyDampening dampening = new SupplyDampening(ledger, clock, policy.sellDampening(), inside);
        market = new MarketService(new JooqMarketStore(database, clock), ledger, clock, config.economy().market(), dampening);
        exchange = new ExchangeService(new JooqExchangeStore(database), ledger, clock, config.economy().exchange());
        inflation = new InflationService(ledger, market, clock, inside, levers, dampening::factor);
        claims = new ClaimService(database, config.claims().rules(), config.claims().groupRules(), clock, json);
        BlockShop blockShop = claims.blockShop(ledger, config.claims().blockCurrency(), config.claims().blockPrice());
        ExpiryPolicy expiryPolicy = config.claims().expiry();
        expiryWebhook = expiryPolicy.webhook() == null ? null : new ExpiryWebhook(expiryPolicy.webhook());
        ClaimArchive archive = new ClaimArchive(claims);
        ClaimExpiry expiry = new ClaimExpiry(claims, archive, expiryPolicy, json,
                expiryWebhook == null ? warning -> { } : expiryWebhook);
        expirySweeper = new ExpirySweeper(expiry, leases, config.nodeId());
        network = new NetworkService(new JooqNetworkStore(database), clock, config.network());
        ChatService chat = new ChatService(database, clock, config.network().chat());
        // Down servers' players go offline within a few seconds of the heartbeat timeout, on one node.
        presenceSweep = new LeasedTask(leases, "network-sweep", config.nodeId(), Duration.ofSeconds(5), network::sweep);
        io.micrometer.core.instrument.Counter ingested = io.micrometer.core.instrument.Counter.builder("veltrix.events.ingested")
                .description("game events taken in (repeats and rejected events not counted)").register(metrics.registry());
        ingest = new EventIngest(database, network, clock, json, ingested::increment);
        // Event ids are remembered as long as the outbox keeps the events: a repeat sent later is too late to matter.
        eventIdsPrune = new LeasedTask(leases, "event-ids-prune", config.nodeId(), Duration.ofMinutes(10),
                () -> ingest.prune(clock.instant().minus(config.outboxRetention())));
        griefLog = new GriefLog(database, claims, clock, incident -> io.micrometer.core.instrument.Counter
                .builder("veltrix.claims.denied").description("denied actions game servers reported, by action")
                .tag("action", incident.action().name()).register(metrics.registry()).increment());
        inflationMetrics = new InflationMetrics(metrics.registry(), inflation, ledger, clock);
        battlePass = new dev.veltrix.progression.battlepass.BattlePass(database, clock, ledger,
                new dev.veltrix.server.store.RewardQueue(this::fulfilment));
        store = new dev.veltrix.server.store.Store(database, clock, config.store(), ledger, network, claims, battlePass, leases,
                config.nodeId(), bus);
        dev.veltrix.server.metrics.StoreMetrics.register(metrics.registry(), store);
        hunts = new dev.veltrix.progression.hunts.Hunts(database, clock, ledger);
        xpFeed = new dev.veltrix.progression.battlepass.XpFeed(database, battlePass, leases, config.nodeId());
        // Game events become XP as they commit; other commits do not wake the feed.
        database.afterCommitOf(dev.veltrix.progression.battlepass.XpFeed::takes, xpFeed::wake);
        seasonArchive = new dev.veltrix.progression.battlepass.SeasonArchive(database, clock, battlePass);
        seasonArchiver = new LeasedTask(leases, "battlepass-archive", config.nodeId(), Duration.ofMinutes(1), seasonArchive::archiveEnded);
        questLibrary = new dev.veltrix.progression.quests.QuestLibrary(database, clock,
                code -> ledger.currencies().stream().anyMatch(c -> c.code().equals(code)));
        questLog = new dev.veltrix.progression.quests.QuestLog(database, clock, questLibrary, ledger,
                new dev.veltrix.server.store.RewardQueue(this::fulfilment));
        questFeed = new dev.veltrix.progression.quests.QuestFeed(database, questLog, leases, config.nodeId());
        // Game events move quests as they commit; other commits do not wake the feed.
        database.afterCommitOf(dev.veltrix.progression.quests.QuestFeed::takes, questFeed::wake);
        // Rewards are given right after completion; this catches any a crash left, and expires ended boards.
        questSweep = new LeasedTask(leases, "quests-sweep", config.nodeId(), Duration.ofSeconds(30), () -> questLog.sweep(500));
        // Rewards are paid right after each find; this catches any a crash or a refused posting left unpaid.
        huntRewards = new LeasedTask(leases, "hunt-rewards", config.nodeId(), Duration.ofSeconds(30),
                () -> hunts.list().stream().filter(h -> h.running(clock.instant())).forEach(h -> hunts.payRewards(h.id())));

        ServerKeyStore keys = new ServerKeyStore(database, clock);
        AdminStore admins = new AdminStore(database, clock);
        WebSessions sessions = new WebSessions(database, clock, Duration.ofHours(12));
        LoginThrottle throttle = new LoginThrottle(10, Duration.ofSeconds(6));
        brands = new dev.veltrix.branding.Brands(database, clock);
        // Each scheduled backup is restored into a scratch database, where every invariant must hold.
        backups = new dev.veltrix.ops.backup.ScheduledBackups(database, clock, java.nio.file.Path.of(config.backups().directory().isBlank()
                ? "data/backups" : config.backups().directory()), config.backups().keep(), schemas(), invariants());
        backupSchedule = config.backups().enabled()
                ? new LeasedTask(leases, "backups", config.nodeId(), config.backups().interval(), backups::run) : null;
        dev.veltrix.server.metrics.BackupMetrics.register(metrics.registry(), backups);
        dev.veltrix.server.metrics.FabricMetrics.register(metrics.registry(), database, network);
        Web web = new Web(config.http().secureCookies(), brands::forHost);

        KeyAuthorizer authorizer = new KeyAuthorizer(keys);
        PlayerLogins playerLogins = new PlayerLogins(database, clock);
        stream = new StreamHub(database, json, authorizer, bus, metrics.registry());
        Gauge.builder("veltrix.stream.connected", stream, StreamHub::connected)
                .description("game servers on the stream").register(metrics.registry());
        http = HttpServer.create(config.http(), json, routes -> {
            HttpMetrics.register(routes, metrics.registry());
            SystemRoutes.register(routes, readiness(config), ledger, metrics);
            ApiRoutes api = new ApiRoutes(routes, authorizer);
            new LedgerApi(ledger, json).register(api);
            new PlayerApi(playerLogins).register(api);
            new MarketApi(market, json).register(api);
            new ExchangeApi(exchange, json).register(api);
            new EconomyApi(inflation, clock).register(api);
            new ClaimArchiveApi(archive, expiry).register(api); // before /claims/{id}, which would take "archive" for an id
            new ClaimsApi(claims, blockShop, griefLog, archive, json).register(api);
            new NetworkApi(network, json).register(api);
            new ChatApi(chat, new ChatReports(database, chat, clock), json).register(api);
            new EventsApi(ingest, json).register(api);
            new dev.veltrix.server.api.store.StoreApi(store, json).register(api);
            new dev.veltrix.server.api.hunts.HuntsApi(hunts, json).register(api);
            new dev.veltrix.server.api.battlepass.BattlePassApi(battlePass, seasonArchive, json).register(api);
            new dev.veltrix.server.api.quests.QuestsApi(questLibrary, questLog, json).register(api);
            apiEndpoints = api.endpoints();
            stream.register(routes);
            EconomyPages economyPages = new EconomyPages(web, ledger, market, inflation, clock);
            new ConsoleRoutes(web, admins, sessions, throttle).register(routes, new ConsolePages(web, ledger, keys, stream));
            economyPages.registerConsole(routes);
            economyPages.registerPublic(routes);
            new ClaimPages(web, claims, griefLog, expiry, clock).registerConsole(routes);
            new NetworkPages(web, network).registerConsole(routes);
            new dev.veltrix.server.web.StorePages(web, store, brands, clock).register(routes);
            new dev.veltrix.server.web.StoreConsolePages(web, store, clock).registerConsole(routes);
            new dev.veltrix.server.web.ProgressionEditors(web, battlePass, hunts, clock).registerConsole(routes);
            new dev.veltrix.server.web.QuestPages(web, questLibrary, questLog).registerConsole(routes);
            new dev.veltrix.server.web.ThemeRoutes(web, brands).register(routes);
            new dev.veltrix.server.web.BrandConsolePages(web, brands).registerConsole(routes);
            new dev.veltrix.server.web.BackupPages(web, backups).registerConsole(routes);
            new dev.veltrix.server.web.ProgressionPages(web, battlePass, seasonArchive, hunts, clock).registerConsole(routes);
            new dev.veltrix.server.web.HuntPages(web, hunts, clock,
                    player -> network.nameOf(player).orElse(player.toString().substring(0, 8))).registerPublic(routes);
            new PortalRoutes(web, playerLogins, sessions, throttle, ledger, claims, expiry, battlePass, seasonArchive, questLog, clock).register(routes);
        });
        FixSettings fixSettings = config.economy().fix();
        fix = fixSettings.port() == 0 ? null
                : FixGateway.start(config.http().host(), fixSettings.port(), fixSettings.compId(), exchange, authorizer);
        relay.start();
        xpFeed.start();
        questFeed.start();
        pruner.start();
        http.start(config.http().host(), config.http().port());
        String url = "http://localhost:" + http.port();
        ownerPassword = OwnerSetup.ensureOwner(admins, console, url + "/console");
        LOG.info("Veltrix node {} serving on {} with {} storage", config.nodeId(), url, database.kind());
    }

    /** Opens storage, migrates it, and starts serving. */
    /**
     * What the node depends on, for /health/ready: the database and (cluster mode) Kafka, without which it cannot serve;
     * and each crypto rail's chain, read by the store's watcher (stale for over 10 minutes: down), which degrades only
     * that rail.
     */
    private dev.veltrix.server.api.Readiness readiness(VeltrixConfig config) {
        return new dev.veltrix.server.api.Readiness(() -> dependencies(config));
    }

    private List<dev.veltrix.server.api.Readiness.Check> dependencies(VeltrixConfig config) {
        List<dev.veltrix.server.api.Readiness.Check> checks = new java.util.ArrayList<>();
        checks.add(new dev.veltrix.server.api.Readiness.Check("database", true, () -> {
            database.dsl().selectOne().fetch();
            return dev.veltrix.server.api.Readiness.State.up(database.kind().name().toLowerCase(java.util.Locale.ROOT) + " answers");
        }));
        if (bus instanceof dev.veltrix.kafka.KafkaEventBus kafka) {
            checks.add(new dev.veltrix.server.api.Readiness.Check("kafka", true, () -> kafka.reachable(Duration.ofSeconds(2))
                    ? dev.veltrix.server.api.Readiness.State.up(config.kafka().bootstrapServers() + " answers")
                    : dev.veltrix.server.api.Readiness.State.down("no broker of " + config.kafka().bootstrapServers() + " answered within 2 s")));
        }
        for (var rail : store.invoices.rails()) {
            checks.add(new dev.veltrix.server.api.Readiness.Check("chain." + rail.name().toLowerCase(java.util.Locale.ROOT), false, () -> {
                java.time.Instant at = store.invoices.lastWatched().get(rail);
                if (at == null) {
                    return dev.veltrix.server.api.Readiness.State.down("not read yet");
                }
                long ago = Duration.between(at, java.time.Instant.now()).toSeconds();
                return ago > 600 ? dev.veltrix.server.api.Readiness.State.down("last read " + ago + " s ago")
                        : dev.veltrix.server.api.Readiness.State.up("read " + ago + " s ago");
            }));
        }
        return checks;
    }

    private dev.veltrix.commerce.fulfilment.Fulfilment fulfilment() {
        return store.fulfilment;
    }

    public static VeltrixNode start(VeltrixConfig config, Clock clock, PrintStream console) {
        return new VeltrixNode(config, clock, console);
    }

    /** Every capability's tables, in dependency order. */
    /** What must hold in the stored state of every capability: run by {@code veltrix verify} and every restore drill. */
    public static dev.veltrix.storage.invariant.Invariants invariants() {
        return new dev.veltrix.storage.invariant.Invariants(List.of(new dev.veltrix.economy.ledger.sql.LedgerInvariant(),
                new dev.veltrix.server.claims.ClaimInvariant(), new dev.veltrix.commerce.fulfilment.OrderInvariant(),
                new dev.veltrix.progression.hunts.HuntInvariant()));
    }

    public static List<dev.veltrix.storage.SchemaModule> schemas() {
        return List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, JooqMarketStore.SCHEMA, JooqExchangeStore.SCHEMA,
                ClaimService.SCHEMA, JooqNetworkStore.SCHEMA, dev.veltrix.commerce.crypto.AddressBook.SCHEMA, dev.veltrix.progression.hunts.Hunts.SCHEMA, dev.veltrix.branding.Brands.SCHEMA, dev.veltrix.ops.backup.ScheduledBackups.SCHEMA,
                ServerSchema.MODULE);
    }

    public int port() {
        return http.port();
    }

    /** The node's event bus, for consumers inside the process (tests, embedding). */
    public EventBus bus() {
        return bus;
    }

    public Database database() {
        return database;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public ExchangeService exchange() {
        return exchange;
    }

    public InflationService inflation() {
        return inflation;
    }

    public MarketService market() {
        return market;
    }

    /** The API endpoints game servers can call, as registered (compared with the OpenAPI document in tests). */
    public List<ApiRoutes.Endpoint> apiEndpoints() {
        return apiEndpoints;
    }

    /** The owner password printed at first start, for tests that sign in. */
    public Optional<String> ownerPassword() {
        return ownerPassword;
    }

    @Override
    public void close() {
        http.stop();
        if (fix != null) {
            fix.close();
        }
        stream.close();
        inflationMetrics.close();
        expirySweeper.close();
        presenceSweep.close();
        eventIdsPrune.close();
        ingest.close();
        store.close();
        huntRewards.close();
        seasonArchiver.close();
        questSweep.close();
        if (backupSchedule != null) {
            backupSchedule.close();
        }
        questFeed.close();
        xpFeed.close();
        if (expiryWebhook != null) {
            expiryWebhook.close();
        }
        exchange.close(); // finishes its round; its settlements need the ledger
        ledger.close(); // commits what is queued before the database closes
        pruner.close();
        relay.close();
        bus.close();
        metrics.close();
        database.close();
    }
}
