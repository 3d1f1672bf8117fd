package dev.veltrix.server.config;

import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.claims.ClaimRules;
import dev.veltrix.server.claims.ExpiryPolicy;
import dev.veltrix.economy.exchange.ExchangeSettings;
import dev.veltrix.economy.inflation.EconomyPolicy;
import dev.veltrix.economy.market.MarketSettings;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every setting Veltrix knows, with its default. docs/configuration.md lists the same. */
public final class Settings {
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static final Setting<String> HTTP_HOST = Setting.text("http.host", "0.0.0.0",
            "an IP address or host name", "address to listen on", s -> s);
    public static final Setting<Integer> HTTP_PORT = Setting.integer("http.port", 8080, 0, 65_535,
            "port of the API, the console and the player portal");
    public static final Setting<Integer> HTTP_MAX_BODY_BYTES = Setting.integer("http.max-body-bytes", 1_048_576,
            1_024, 16_777_216, "largest request body; larger requests get 413");
    public static final Setting<Boolean> HTTP_SECURE_COOKIES = Setting.flag("http.secure-cookies", false,
            "mark session cookies Secure; turn on when Veltrix is served over HTTPS");
    public static final Setting<String> STORAGE_URL = Setting.text("storage.url", "jdbc:sqlite:data/veltrix.db",
            "a JDBC URL starting with jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:",
            "where state lives", s -> {
                SqlKind.ofUrl(s);
                return s;
            });
    public static final Setting<String> STORAGE_USER = Setting.text("storage.user", "", "any text",
            "database user (not used by SQLite)", s -> s);
    public static final Setting<String> STORAGE_PASSWORD = Setting.text("storage.password", "", "any text",
            "database password (not used by SQLite)", s -> s);
    public static final Setting<Integer> STORAGE_POOL_SIZE = Setting.integer("storage.pool-size", 16, 2,
            StorageConfig.POOL_SIZE_LIMIT, "most database connections");
    public static final Setting<StorageConfig.SqliteSync> STORAGE_SQLITE_SYNCHRONOUS = new Setting<>(
            "storage.sqlite-synchronous", "full", text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "full" -> StorageConfig.SqliteSync.FULL;
                case "normal" -> StorageConfig.SqliteSync.NORMAL;
                default -> throw new IllegalArgumentException("not full or normal"); // OFF is for scratch databases only
            },
            "full or normal", "SQLite only: full syncs every commit (survives power loss); normal syncs at checkpoints "
                    + "(survives process crashes, may lose the newest commits on power loss)");
    public static final Setting<Integer> LEDGER_GROUP_SIZE_MAX = Setting.integer("ledger.group-size-max",
            LedgerSettings.DEFAULTS.groupSizeMax(), 1, 4_096, "most transfers committed in one transaction");
    public static final Setting<Integer> LEDGER_QUEUE_CAPACITY = Setting.integer("ledger.queue-capacity",
            LedgerSettings.DEFAULTS.queueCapacity(), 1, 1_000_000, "most transfers waiting to commit; beyond it callers get 503");
    public static final Setting<Integer> LEDGER_TIMEOUT_MS = Setting.integer("ledger.timeout-ms",
            (int) LedgerSettings.DEFAULTS.timeoutMs(), 100, 600_000, "longest a transfer request waits for its commit");
    public static final Setting<Integer> LEDGER_WRITERS = Setting.integer("ledger.writers",
            LedgerSettings.DEFAULTS.writers(), 1, LedgerSettings.WRITERS_MAX,
            "groups of transfers committing at once on PostgreSQL and MariaDB; SQLite always commits one at a time");
    public static final Setting<String> BACKUP_DIRECTORY = Setting.text("backup.directory", "data/backups", "a directory, or empty for none",
            "where scheduled backups are written (each one is proven by restoring it into a scratch database); empty turns them off", s -> s);
    public static final Setting<Integer> BACKUP_INTERVAL_HOURS = Setting.integer("backup.interval-hours", 24, 1, 720,
            "hours between scheduled backups");
    public static final Setting<Integer> BACKUP_KEEP = Setting.integer("backup.keep", 7, 1, 1_000,
            "how many of the newest scheduled backups are kept");
    public static final Setting<Integer> OUTBOX_RETENTION_HOURS = Setting.integer("outbox.retention-hours", 168, 1, 8_760,
            "how long published events are kept; a game server offline longer resumes at the oldest one kept");
    public static final Setting<Integer> MARKET_QUOTE_TTL_SECONDS = Setting.integer("market.quote-ttl-seconds",
            (int) MarketSettings.DEFAULTS.quoteTtl().toSeconds(), 1, 300, "how long a shop quote can be executed");
    public static final Setting<Integer> MARKET_TRADES_PER_MINUTE = Setting.integer("market.trades-per-minute",
            MarketSettings.DEFAULTS.tradesPerMinute(), 0, 100_000,
            "shop trades one player may make per minute (0 = unlimited); beyond it trades get 429");
    public static final Setting<Integer> EXCHANGE_BATCH_MAX = Setting.integer("exchange.batch-max",
            ExchangeSettings.DEFAULTS.batchMax(), 1, 4_096, "most orders and cancels one pair processes per round");
    public static final Setting<Integer> EXCHANGE_QUEUE_CAPACITY = Setting.integer("exchange.queue-capacity",
            ExchangeSettings.DEFAULTS.queueCapacity(), 1, 1_000_000, "most commands waiting per pair; beyond it callers get 503");
    public static final Setting<Integer> EXCHANGE_MAX_FILLS = Setting.integer("exchange.max-fills-per-order",
            ExchangeSettings.DEFAULTS.maxFillsPerOrder(), 1, 4_000, "most resting orders one incoming order trades with");
    public static final Setting<Integer> EXCHANGE_FIX_PORT = Setting.integer("exchange.fix-port", 0, 0, 65_535,
            "TCP port of the exchange's FIX 4.4 order-entry gateway; 0 = no gateway");
    public static final Setting<String> EXCHANGE_FIX_COMP_ID = Setting.text("exchange.fix-comp-id", "VELTRIX",
            "1-32 letters, digits, _ . -", "this side's FIX CompID", s -> {
                if (!s.matches("[A-Za-z0-9_.-]{1,32}")) {
                    throw new IllegalArgumentException("bad characters");
                }
                return s;
            });
    public static final Setting<Integer> ECONOMY_TRANSFER_TAX_BPS = Setting.integer("economy.transfer-tax-bps", 0, 0, 5_000,
            "tax on player-to-player transfers in basis points, paid by the sender to system:tax");
    public static final Setting<java.math.BigDecimal> ECONOMY_SELL_DAMPENING = new Setting<>("economy.sell-dampening", "0",
            text -> {
                java.math.BigDecimal k = new java.math.BigDecimal(text);
                if (k.signum() < 0 || k.compareTo(java.math.BigDecimal.valueOf(4)) > 0) {
                    throw new IllegalArgumentException("out of range");
                }
                return k;
            }, "a decimal from 0 to 4", "strength k of shop sell-price dampening: sellers get g^-k of the curve price "
                    + "when the supply grew by factor g over 7 days (0 = off)");
    public static final Setting<Long> ECONOMY_FAUCET_CAP = new Setting<>("economy.faucet-cap-per-day", "0", text -> {
        long cap = Long.parseLong(text);
        if (cap < 0) {
            throw new IllegalArgumentException("negative");
        }
        return cap;
    }, "a whole number, 0 or more", "most minor units of a currency a player may receive per UTC day from system "
            + "accounts through the API (rewards, grants); 0 = no cap");
    public static final Setting<List<String>> ECONOMY_PRICE_INDEX_BASKET = new Setting<>("economy.price-index-basket", "",
            text -> text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::trim).toList(),
            "shop item ids separated by commas; empty = every item of the currency",
            "the shop items whose prices make the price index");
    public static final Setting<Integer> CLAIMS_INITIAL_BLOCKS = Setting.integer("claims.initial-blocks",
            (int) ClaimRules.DEFAULTS.initialBlocks(), 0, 100_000_000, "claim blocks a new player starts with");
    public static final Setting<Integer> CLAIMS_MIN_WIDTH = Setting.integer("claims.min-width", ClaimRules.DEFAULTS.minWidth(),
            1, 10_000, "shortest side of a top-level claim, in blocks");
    public static final Setting<Integer> CLAIMS_MIN_AREA = Setting.integer("claims.min-area", (int) ClaimRules.DEFAULTS.minArea(),
            1, 100_000_000, "smallest area of a top-level claim, in blocks");
    public static final Setting<Integer> CLAIMS_MAX_PER_PLAYER = Setting.integer("claims.max-per-player",
            ClaimRules.DEFAULTS.maxClaims(), 0, 100_000, "top-level claims one player may own; 0 = unlimited");
    public static final Setting<Integer> CLAIMS_ABANDON_RETURN_PERCENT = Setting.integer("claims.abandon-return-percent", 100,
            0, 100, "share of an abandoned claim's area given back as claim blocks");
    public static final Setting<Integer> CLAIMS_BLOCKS_PER_HOUR = Setting.integer("claims.blocks-per-hour",
            (int) ClaimRules.DEFAULTS.blocksPerHour(), 0, 100_000, "claim blocks earned per active hour of play");
    public static final Setting<Integer> CLAIMS_MAX_ACCRUED = Setting.integer("claims.max-accrued",
            (int) ClaimRules.DEFAULTS.maxAccrued(), 0, 100_000_000, "earning from play stops at this many blocks");
    public static final Setting<Integer> CLAIMS_BLOCK_PRICE = Setting.integer("claims.block-price", 0, 0, 1_000_000_000,
            "minor units of claims.block-currency one claim block costs; 0 = not for sale");
    public static final Setting<String> CLAIMS_BLOCK_CURRENCY = Setting.text("claims.block-currency", "coins",
            "a currency code", "the currency claim blocks are sold for", s -> s);
    public static final Setting<Integer> CLAIMS_EXPIRE_AFTER_DAYS = Setting.integer("claims.expire-after-days",
            ExpiryPolicy.DEFAULTS.afterDays(), 0, 3_650, "days without activity before an owner's claims expire; 0 = never");
    public static final Setting<Integer> CLAIMS_EXPIRY_PROTECTION = Setting.integer("claims.expiry-protection-blocks", 0,
            0, 100_000_000, "owners who earned or bought at least this many blocks never expire; 0 = nobody is protected");
    public static final Setting<List<Integer>> CLAIMS_EXPIRY_WARNINGS = new Setting<>("claims.expiry-warning-days", "7,1",
            text -> text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt)
                    .peek(d -> {
                        if (d < 1 || d > 365) {
                            throw new IllegalArgumentException("out of range");
                        }
                    }).toList(),
            "days from 1 to 365, separated by commas", "lead times of expiry warnings to the owner");
    public static final Setting<Integer> CLAIMS_ARCHIVE_GRACE_DAYS = Setting.integer("claims.archive-grace-days", 30, 1, 3_650,
            "days an expired claim stays in the archive, restorable by an admin");
    public static final Setting<List<dev.veltrix.claims.GroupRule>> CLAIMS_GROUP_RULES = new Setting<>("claims.group-rules", "",
            text -> text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::trim)
                    .map(dev.veltrix.claims.GroupRule::parse).toList(),
            "group:term=value;term=value entries separated by commas; terms initial-blocks, blocks-per-hour, max-accrued, "
                    + "max-per-player (for example vip:initial-blocks=1000;max-per-player=10)",
            "better claim terms for members of permission groups, as game servers report them");
    public static final Setting<java.net.URI> CLAIMS_EXPIRY_WEBHOOK = new Setting<>("claims.expiry-webhook", "", Settings::httpUrl,
            "an http(s) URL, or empty", "a URL each claim-expiry warning is also posted to as JSON (a chat bot, a mail bridge)");
    public static final Setting<Integer> NETWORK_HEARTBEAT_TIMEOUT = Setting.integer("network.heartbeat-timeout-seconds", 15,
            3, 600, "a server not heard from for this long is down, and its players are taken offline");
    public static final Setting<Integer> NETWORK_STICKY_SECONDS = Setting.integer("network.sticky-seconds", 300, 0, 86_400,
            "a player returning within this long is routed back to the server they left, if it can take them");
    public static final Setting<Map<String, String>> NETWORK_FORCED_HOSTS = new Setting<>("network.forced-hosts", "", text -> {
        Map<String, String> hosts = new java.util.HashMap<>();
        for (String entry : text.isBlank() ? new String[0] : text.split(",")) {
            String[] pair = entry.trim().split("=");
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalArgumentException("expected host=group, got " + entry);
            }
            hosts.put(pair[0].trim().toLowerCase(java.util.Locale.ROOT), pair[1].trim());
        }
        return hosts;
    }, "host=group entries separated by commas", "host names players connect with, and the group each sends them to");
    public static final Setting<String> NETWORK_DEFAULT_GROUP = Setting.text("network.default-group", "lobby",
            "a server group name", "where a player goes when no group is asked for and no forced host applies", s -> s);
    public static final Setting<Integer> CHAT_RATE = Setting.integer("chat.messages-per-10s", 5, 1, 1_000,
            "chat messages one player may send per 10 seconds; beyond it 429 chat-rate-limit");
    public static final Setting<Integer> CHAT_HISTORY = Setting.integer("chat.history", 100, 1, 10_000,
            "messages per channel the history endpoint can return");
    public static final Setting<List<String>> CHAT_FILTERED_WORDS = new Setting<>("chat.filtered-words", "",
            text -> text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::trim)
                    .filter(w -> !w.isEmpty()).toList(),
            "words separated by commas", "words masked with asterisks in chat, as whole words, case-insensitively");
    public static final Setting<String> KAFKA_BOOTSTRAP = Setting.text("kafka.bootstrap-servers", "",
            "host:port of Kafka brokers separated by commas; empty keeps the in-process bus",
            "cluster mode: the Kafka brokers events go through", s -> s);
    public static final Setting<String> KAFKA_TOPIC = Setting.text("kafka.topic", "veltrix.events", "a Kafka topic name",
            "the topic committed events are published to", Settings::topicName);
    public static final Setting<String> KAFKA_DEAD_LETTER_TOPIC = Setting.text("kafka.dead-letter-topic", "veltrix.events.dead",
            "a Kafka topic name", "where events go that a consumer failed on after every attempt", Settings::topicName);
    public static final Setting<Integer> KAFKA_PARTITIONS = Setting.integer("kafka.partitions", 12, 1, 1_000,
            "partitions of the topics Veltrix creates (the most nodes that share one consumer's work)");
    public static final Setting<Integer> KAFKA_REPLICATION_FACTOR = Setting.integer("kafka.replication-factor", 3, 1, 7,
            "copies of each partition of the topics Veltrix creates; 1 only for a single test broker");
    public static final Setting<Integer> KAFKA_LINGER_MS = Setting.integer("kafka.linger-ms", 5, 0, 1_000,
            "how long the producer waits to fill a batch");
    public static final Setting<Integer> KAFKA_BATCH_BYTES = Setting.integer("kafka.batch-bytes", 65_536, 1_024, 16_777_216,
            "the producer's batch size per partition");
    public static final Setting<String> KAFKA_COMPRESSION = Setting.text("kafka.compression", "lz4",
            "none, gzip, snappy, lz4 or zstd", "compression of producer batches", s -> {
                if (!dev.veltrix.kafka.KafkaSettings.COMPRESSIONS.contains(s)) {
                    throw new IllegalArgumentException("unknown compression");
                }
                return s;
            });
    public static final Setting<Integer> KAFKA_ATTEMPTS = Setting.integer("kafka.consumer-attempts", 3, 1, 20,
            "how often a consumer is given an event before it goes to the dead-letter topic");
    public static final Setting<Integer> KAFKA_RETRY_BACKOFF_MS = Setting.integer("kafka.retry-backoff-ms", 200, 10, 60_000,
            "the first pause between a consumer's attempts; it doubles each time");
    public static final Setting<Integer> KAFKA_MAX_POLL_RECORDS = Setting.integer("kafka.max-poll-records", 500, 1, 10_000,
            "events one poll hands a consumer");
    public static final Setting<String> NODE_ID_SETTING = Setting.text("node.id", "",
            "1-64 letters, digits, _ . -; empty picks a random one", "this node's name in leases and logs", s -> {
                if (!s.isEmpty() && !NODE_ID.matcher(s).matches()) {
                    throw new IllegalArgumentException("bad characters");
                }
                return s;
            });

    public static final List<Setting<?>> ALL = java.util.stream.Stream.concat(java.util.stream.Stream.of(HTTP_HOST, HTTP_PORT, HTTP_MAX_BODY_BYTES, HTTP_SECURE_COOKIES,
            STORAGE_URL, STORAGE_USER, STORAGE_PASSWORD, STORAGE_POOL_SIZE, STORAGE_SQLITE_SYNCHRONOUS,
            LEDGER_GROUP_SIZE_MAX, LEDGER_QUEUE_CAPACITY, LEDGER_TIMEOUT_MS, LEDGER_WRITERS, OUTBOX_RETENTION_HOURS, MARKET_QUOTE_TTL_SECONDS, MARKET_TRADES_PER_MINUTE,
            EXCHANGE_BATCH_MAX, EXCHANGE_QUEUE_CAPACITY, EXCHANGE_MAX_FILLS, EXCHANGE_FIX_PORT, EXCHANGE_FIX_COMP_ID,
            ECONOMY_TRANSFER_TAX_BPS,
            ECONOMY_SELL_DAMPENING, ECONOMY_FAUCET_CAP, ECONOMY_PRICE_INDEX_BASKET, CLAIMS_INITIAL_BLOCKS, CLAIMS_MIN_WIDTH,
            CLAIMS_MIN_AREA, CLAIMS_MAX_PER_PLAYER, CLAIMS_ABANDON_RETURN_PERCENT, CLAIMS_BLOCKS_PER_HOUR, CLAIMS_MAX_ACCRUED,
            CLAIMS_BLOCK_PRICE, CLAIMS_BLOCK_CURRENCY, CLAIMS_EXPIRE_AFTER_DAYS, CLAIMS_EXPIRY_PROTECTION, CLAIMS_EXPIRY_WARNINGS,
            CLAIMS_ARCHIVE_GRACE_DAYS, CLAIMS_GROUP_RULES, CLAIMS_EXPIRY_WEBHOOK, NETWORK_HEARTBEAT_TIMEOUT, NETWORK_STICKY_SECONDS,
            NETWORK_FORCED_HOSTS, NETWORK_DEFAULT_GROUP, CHAT_RATE, CHAT_HISTORY, CHAT_FILTERED_WORDS,
            KAFKA_BOOTSTRAP, KAFKA_TOPIC, KAFKA_DEAD_LETTER_TOPIC, KAFKA_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_LINGER_MS,
            KAFKA_BATCH_BYTES, KAFKA_COMPRESSION, KAFKA_ATTEMPTS, KAFKA_RETRY_BACKOFF_MS, KAFKA_MAX_POLL_RECORDS, NODE_ID_SETTING,
            BACKUP_DIRECTORY, BACKUP_INTERVAL_HOURS, BACKUP_KEEP),
            StoreSettings.ALL.stream()).toList();

    private Settings() {
    }

    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Builds the typed configuration from resolved raw values (key -> text, source). */
    static VeltrixConfig build(Map<String, ConfigLoader.Raw> raw) {
        String given = value(raw, NODE_ID_SETTING);
        String nodeId = given.isEmpty() ? "node-" + UUID.randomUUID().toString().substring(0, 8) : given;
        LedgerSettings ledger;
        StorageConfig storage;
        try {
            ledger = new LedgerSettings(value(raw, LEDGER_GROUP_SIZE_MAX), value(raw, LEDGER_QUEUE_CAPACITY),
                    value(raw, LEDGER_TIMEOUT_MS), value(raw, LEDGER_WRITERS));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid ledger settings: " + e.getMessage());
        }
        storage = new StorageConfig(value(raw, STORAGE_URL), value(raw, STORAGE_USER), value(raw, STORAGE_PASSWORD),
                value(raw, STORAGE_POOL_SIZE), value(raw, STORAGE_SQLITE_SYNCHRONOUS));
        return new VeltrixConfig(
                new HttpSettings(value(raw, HTTP_HOST), value(raw, HTTP_PORT), value(raw, HTTP_MAX_BODY_BYTES),
                        value(raw, HTTP_SECURE_COOKIES)),
                storage, ledger, nodeId,
                java.time.Duration.ofHours(value(raw, OUTBOX_RETENTION_HOURS)),
                new EconomyConfig(new MarketSettings(java.time.Duration.ofSeconds(value(raw, MARKET_QUOTE_TTL_SECONDS)),
                        value(raw, MARKET_TRADES_PER_MINUTE)), new ExchangeSettings(value(raw, EXCHANGE_BATCH_MAX),
                        value(raw, EXCHANGE_QUEUE_CAPACITY), value(raw, EXCHANGE_MAX_FILLS), value(raw, LEDGER_TIMEOUT_MS)),
                        new EconomyPolicy(value(raw, ECONOMY_TRANSFER_TAX_BPS), value(raw, ECONOMY_SELL_DAMPENING),
                                value(raw, ECONOMY_FAUCET_CAP), value(raw, ECONOMY_PRICE_INDEX_BASKET)),
                        new FixSettings(value(raw, EXCHANGE_FIX_PORT), value(raw, EXCHANGE_FIX_COMP_ID))),
                new ClaimSettings(new ClaimRules(value(raw, CLAIMS_INITIAL_BLOCKS), value(raw, CLAIMS_BLOCKS_PER_HOUR),
                        value(raw, CLAIMS_MAX_ACCRUED), value(raw, CLAIMS_MIN_WIDTH), value(raw, CLAIMS_MIN_AREA),
                        value(raw, CLAIMS_MAX_PER_PLAYER), value(raw, CLAIMS_ABANDON_RETURN_PERCENT) / 100.0),
                        value(raw, CLAIMS_GROUP_RULES), value(raw, CLAIMS_BLOCK_CURRENCY), value(raw, CLAIMS_BLOCK_PRICE),
                        new ExpiryPolicy(value(raw, CLAIMS_EXPIRE_AFTER_DAYS), value(raw, CLAIMS_EXPIRY_PROTECTION),
                                value(raw, CLAIMS_EXPIRY_WARNINGS), value(raw, CLAIMS_ARCHIVE_GRACE_DAYS),
                                value(raw, CLAIMS_EXPIRY_WEBHOOK))),
                new dev.veltrix.network.NetworkSettings(java.time.Duration.ofSeconds(value(raw, NETWORK_HEARTBEAT_TIMEOUT)),
                        java.time.Duration.ofSeconds(value(raw, NETWORK_STICKY_SECONDS)), value(raw, NETWORK_FORCED_HOSTS),
                        value(raw, NETWORK_DEFAULT_GROUP), new dev.veltrix.network.chat.ChatSettings(value(raw, CHAT_RATE),
                                value(raw, CHAT_HISTORY), value(raw, CHAT_FILTERED_WORDS))),
                kafka(raw, nodeId), store(raw), new BackupSettings(value(raw, BACKUP_DIRECTORY),
                        java.time.Duration.ofHours(value(raw, BACKUP_INTERVAL_HOURS)), value(raw, BACKUP_KEEP)));
    }

    private static StoreSettings store(Map<String, ConfigLoader.Raw> raw) {
        return new StoreSettings(java.time.Duration.ofMinutes(value(raw, StoreSettings.PAY_WINDOW)),
                java.time.Duration.ofMinutes(value(raw, StoreSettings.MONITOR_WINDOW)), value(raw, StoreSettings.TOLERANCE),
                value(raw, StoreSettings.BITCOIN_KEY), value(raw, StoreSettings.ESPLORA), value(raw, StoreSettings.BITCOIN_CONFIRMATIONS),
                value(raw, StoreSettings.FIXED_RATES), value(raw, StoreSettings.PRICE_API),
                java.time.Duration.ofSeconds(value(raw, StoreSettings.WATCH_INTERVAL)), ethereum(raw), hosted(raw), webhooks(raw),
                new StoreSettings.SmallOrders(value(raw, StoreSettings.SMALL_ORDER_MAX), value(raw, StoreSettings.SMALL_ORDER_CONFIRMATIONS)));
    }

    private static StoreSettings.Webhooks webhooks(Map<String, ConfigLoader.Raw> raw) {
        List<java.net.URI> urls = value(raw, StoreSettings.WEBHOOK_URLS);
        String secret = value(raw, StoreSettings.WEBHOOK_SECRET);
        if (!urls.isEmpty() && secret.isEmpty()) {
            throw new ConfigException(StoreSettings.WEBHOOK_URLS.key() + " needs " + StoreSettings.WEBHOOK_SECRET.key()
                    + ": receivers check the signature made with it");
        }
        return new StoreSettings.Webhooks(urls, secret);
    }

    private static StoreSettings.Hosted hosted(Map<String, ConfigLoader.Raw> raw) {
        String key = value(raw, StoreSettings.NOWPAYMENTS_KEY);
        if (key.isEmpty()) {
            return null;
        }
        String secret = value(raw, StoreSettings.NOWPAYMENTS_SECRET);
        java.net.URI publicUrl = value(raw, StoreSettings.PUBLIC_URL);
        if (secret.isEmpty() || publicUrl == null) {
            throw new ConfigException("the NOWPayments rail needs " + StoreSettings.NOWPAYMENTS_SECRET.key() + " (callbacks are checked with it) and "
                    + StoreSettings.PUBLIC_URL.key() + " (where NOWPayments sends them)");
        }
        return new StoreSettings.Hosted(value(raw, StoreSettings.NOWPAYMENTS_API), key, secret, publicUrl);
    }

    private static StoreSettings.Ethereum ethereum(Map<String, ConfigLoader.Raw> raw) {
        var key = value(raw, StoreSettings.ETHEREUM_KEY);
        var rpc = value(raw, StoreSettings.ETHEREUM_RPC);
        if (key == null && rpc == null) {
            return null;
        }
        if (rpc == null) {
            throw new ConfigException(StoreSettings.ETHEREUM_KEY.key() + " needs " + StoreSettings.ETHEREUM_RPC.key()
                    + ": without a node no Ethereum payment can be seen");
        }
        // A node without a key: the key is entered on the console's Store page.
        return new StoreSettings.Ethereum(key, rpc, value(raw, StoreSettings.ETHEREUM_CHAIN_ID), value(raw, StoreSettings.ETHEREUM_CONFIRMATIONS),
                value(raw, StoreSettings.USDC_CONTRACT), value(raw, StoreSettings.TOKEN_LOOKBACK));
    }

    private static dev.veltrix.kafka.KafkaSettings kafka(Map<String, ConfigLoader.Raw> raw, String nodeId) {
        String bootstrap = value(raw, KAFKA_BOOTSTRAP);
        if (bootstrap.isBlank()) {
            return null;
        }
        return new dev.veltrix.kafka.KafkaSettings(bootstrap, value(raw, KAFKA_TOPIC), value(raw, KAFKA_DEAD_LETTER_TOPIC),
                value(raw, KAFKA_PARTITIONS), value(raw, KAFKA_REPLICATION_FACTOR).shortValue(), value(raw, KAFKA_LINGER_MS),
                value(raw, KAFKA_BATCH_BYTES), value(raw, KAFKA_COMPRESSION), value(raw, KAFKA_ATTEMPTS),
                value(raw, KAFKA_RETRY_BACKOFF_MS), value(raw, KAFKA_MAX_POLL_RECORDS), nodeId);
    }

    /** An http(s) URL, or null for empty text. */
    static java.net.URI httpUrl(String text) {
        if (text.isEmpty()) {
            return null;
        }
        java.net.URI url = java.net.URI.create(text);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("not an http or https URL");
        }
        return url;
    }

    private static String topicName(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("a topic name is 1..200 of letters, digits, . _ -");
        }
        return name;
    }

    private static <T> T value(Map<String, ConfigLoader.Raw> raw, Setting<T> setting) {
        ConfigLoader.Raw given = raw.get(setting.key());
        return given == null ? setting.parse(setting.defaultText(), "default") : setting.parse(given.text(), given.source());
    }
}
