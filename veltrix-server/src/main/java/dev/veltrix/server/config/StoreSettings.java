package dev.veltrix.server.config;

import dev.veltrix.commerce.crypto.Asset;
import dev.veltrix.commerce.crypto.Chain;
import dev.veltrix.commerce.crypto.WalletKey;
import dev.veltrix.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's settings: how long an order waits for payment, the operator's Bitcoin wallet (an account-level
 * zpub or xpub: no private key ever reaches Veltrix), where payments are watched, and where rates come from.
 *
 * @param bitcoinKey null while the operator has given none (then the store takes no Bitcoin)
 * @param priceApi   a CoinGecko-style price API, or null to use {@code fixedRates}
 * @param ethereum   the Ethereum rails (ether and USDC), or null while no key or node is given
 * @param hosted     the NOWPayments rail, or null while no API key is given
 * @param webhooks   endpoints order events are posted to, and the secret they are signed with
 * @param smallOrders orders this small settle after fewer confirmations
 */
public record StoreSettings(Duration payWindow, Duration monitorWindow, BigDecimal tolerancePercent, WalletKey bitcoinKey,
                            URI esplora, int bitcoinConfirmations, Map<String, BigDecimal> fixedRates, URI priceApi,
                            Duration watchInterval, Ethereum ethereum, Hosted hosted, Webhooks webhooks, SmallOrders smallOrders) {

    /** Orders of at most {@code maxTotal} minor units settle after {@code confirmations} (0 switches it off). */
    public record SmallOrders(long maxTotal, int confirmations) {
        public static final SmallOrders OFF = new SmallOrders(0, 1);
    }

    /** Outgoing webhooks of order events. */
    public record Webhooks(List<URI> endpoints, String secret) {
        public static final Webhooks NONE = new Webhooks(List.of(), "");
    }

    /** NOWPayments: their API, the operator's key and IPN secret, and where buyers reach this store. */
    public record Hosted(URI api, String apiKey, String ipnSecret, URI publicUrl) {
    }

    /** The node that watches Ethereum payments and the operator's wallet (null: entered on the console). */
    public record Ethereum(WalletKey key, URI rpc, long chainId, int confirmations, String usdcContract, long tokenLookbackBlocks) {
    }

    public static final Setting<Integer> PAY_WINDOW = Setting.integer("store.pay-window-minutes", 15, 1, 1_440,
            "how long an order waits for its payment; a crypto quote's rate is locked as long");
    public static final Setting<Integer> MONITOR_WINDOW = Setting.integer("store.monitor-window-minutes", 1_440, 0, 10_080,
            "how long after expiry an invoice is still watched, so a late payment goes to review instead of being lost");
    public static final Setting<BigDecimal> TOLERANCE = new Setting<>("store.underpayment-tolerance-percent", "0", text -> {
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0 || value.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }, "a percentage from 0 to 10", "an invoice paid this much short still counts as paid (wallet fees)");
    public static final Setting<WalletKey> BITCOIN_KEY = new Setting<>("store.bitcoin.account-key", "", text -> {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return WalletKey.parse(Chain.BITCOIN, text, "0/*");
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.errors().getFirst().message());
        }
    }, "empty, or the account's zpub (or xpub) of m/84'/0'/0'", "the Bitcoin wallet each order's address is derived from");
    public static final Setting<URI> ESPLORA = new Setting<>("store.bitcoin.esplora-url", "https://blockstream.info/api",
            Settings::httpUrl, "an http(s) URL", "an Esplora-compatible API (self-hosted electrs/esplora or a public one)");
    public static final Setting<Integer> BITCOIN_CONFIRMATIONS = Setting.integer("store.bitcoin.confirmations", 2, 1, 100,
            "confirmations a Bitcoin payment needs before its order is delivered");
    public static final Setting<Map<String, BigDecimal>> FIXED_RATES = new Setting<>("store.fixed-rates", "", text -> {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (String entry : text.isBlank() ? new String[0] : text.split(",")) {
            String[] pair = entry.trim().split("=");
            if (pair.length != 2 || !pair[0].trim().matches("[A-Z0-9]{2,10}/[A-Z]{3}") || new BigDecimal(pair[1].trim()).signum() <= 0) {
                throw new IllegalArgumentException("expected ASSET/FIAT=price, got " + entry);
            }
            rates.put(pair[0].trim(), new BigDecimal(pair[1].trim()));
        }
        return rates;
    }, "ASSET/FIAT=price entries separated by commas, such as BTC/USD=60000", "rates set by the operator, used when no price API is set");
    public static final Setting<URI> PRICE_API = new Setting<>("store.price-api-url", "", Settings::httpUrl,
            "an http(s) URL, or empty", "a CoinGecko-style price API (/simple/price); empty uses store.fixed-rates");
    public static final Setting<Integer> WATCH_INTERVAL = Setting.integer("store.watch-interval-seconds", 15, 1, 3_600,
            "how often open invoices are checked against the chain");

    /** The defaults: no wallet keys, so the store takes game currency and gift cards only. */
    public static StoreSettings defaults() {
        return new StoreSettings(Duration.ofMinutes(15), Duration.ofMinutes(1_440), BigDecimal.ZERO, null,
                URI.create("https://blockstream.info/api"), 2, Map.of(), null, Duration.ofSeconds(15), null, null, Webhooks.NONE, SmallOrders.OFF);
    }

    public static final Setting<WalletKey> ETHEREUM_KEY = new Setting<>("store.ethereum.account-key", "", text -> {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return WalletKey.parse(Chain.ETHEREUM, text, "0/*");
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.errors().getFirst().message());
        }
    }, "empty, or the account's xpub of m/44'/60'/0'", "the Ethereum wallet each order's address is derived from (ether and USDC)");
    public static final Setting<URI> ETHEREUM_RPC = new Setting<>("store.ethereum.rpc-url", "", Settings::httpUrl,
            "an http(s) URL, or empty", "the JSON-RPC endpoint of an Ethereum node (self-hosted or hosted) the watchers read");
    public static final Setting<Integer> ETHEREUM_CHAIN_ID = Setting.integer("store.ethereum.chain-id", 1, 1, Integer.MAX_VALUE,
            "the chain payment requests name (1 is mainnet); wallets refuse to pay on another chain");
    public static final Setting<Integer> ETHEREUM_CONFIRMATIONS = Setting.integer("store.ethereum.confirmations", 12, 1, 100,
            "confirmations an ether or USDC payment needs before its order is delivered");
    public static final Setting<String> USDC_CONTRACT = Setting.text("store.ethereum.usdc-contract", Asset.USDC.token(),
            "a 0x-prefixed contract address, or empty to take no USDC", "the USDC token contract on the chain", text -> {
                if (!text.isEmpty() && !text.matches("0x[0-9a-fA-F]{40}")) {
                    throw new IllegalArgumentException("not a contract address");
                }
                return text;
            });
    public static final Setting<Integer> TOKEN_LOOKBACK = Setting.integer("store.ethereum.token-lookback-blocks", 10_000, 100, 1_000_000,
            "how many recent blocks the USDC watcher reads transfer logs from (cover the monitoring window)");

    public static final Setting<URI> PUBLIC_URL = new Setting<>("store.public-url", "", Settings::httpUrl, "an http(s) URL, or empty",
            "where buyers reach this store (https://store.example.net): the hosted processor's callback and return addresses");
    public static final Setting<String> NOWPAYMENTS_KEY = Setting.text("store.nowpayments.api-key", "", "text, or empty",
            "the NOWPayments API key; empty takes no payments through NOWPayments", s -> s);
    public static final Setting<String> NOWPAYMENTS_SECRET = Setting.text("store.nowpayments.ipn-secret", "", "text, or empty",
            "the IPN secret NOWPayments signs its callbacks with", s -> s);
    public static final Setting<URI> NOWPAYMENTS_API = new Setting<>("store.nowpayments.api-url", "https://api.nowpayments.io",
            Settings::httpUrl, "an http(s) URL", "NOWPayments' API (their sandbox is https://api-sandbox.nowpayments.io)");

    public StoreSettings withBitcoin(WalletKey key, URI esploraUrl, int confirmations) {
        return new StoreSettings(payWindow, monitorWindow, tolerancePercent, key, esploraUrl, confirmations, fixedRates, priceApi,
                watchInterval, ethereum, hosted, webhooks, smallOrders);
    }

    public StoreSettings withEthereum(Ethereum rails) {
        return new StoreSettings(payWindow, monitorWindow, tolerancePercent, bitcoinKey, esplora, bitcoinConfirmations, fixedRates,
                priceApi, watchInterval, rails, hosted, webhooks, smallOrders);
    }

    public StoreSettings withHosted(Hosted rail) {
        return new StoreSettings(payWindow, monitorWindow, tolerancePercent, bitcoinKey, esplora, bitcoinConfirmations, fixedRates,
                priceApi, watchInterval, ethereum, rail, webhooks, smallOrders);
    }

    public StoreSettings withWebhooks(Webhooks hooks) {
        return new StoreSettings(payWindow, monitorWindow, tolerancePercent, bitcoinKey, esplora, bitcoinConfirmations, fixedRates,
                priceApi, watchInterval, ethereum, hosted, hooks, smallOrders);
    }

    public StoreSettings withRates(Map<String, BigDecimal> rates, Duration checkEvery) {
        return new StoreSettings(payWindow, monitorWindow, tolerancePercent, bitcoinKey, esplora, bitcoinConfirmations, rates,
                priceApi, checkEvery, ethereum, hosted, webhooks, smallOrders);
    }

    public static final Setting<List<URI>> WEBHOOK_URLS = new Setting<>("store.webhook-urls", "", text -> text.isBlank() ? List.of()
            : java.util.Arrays.stream(text.split(",")).map(String::strip).map(Settings::httpUrl).toList(),
            "http(s) URLs separated by commas, or empty", "endpoints every order event (paid, expired, review, cancelled, refunded) is posted to");
    public static final Setting<String> WEBHOOK_SECRET = Setting.text("store.webhook-secret", "", "text of 16 characters or more, or empty",
            "the secret outgoing webhooks are signed with (Veltrix-Signature: HMAC-SHA256 over the timestamp and body)", s -> {
                if (!s.isEmpty() && s.length() < 16) {
                    throw new IllegalArgumentException("too short to be a secret");
                }
                return s;
            });

    public static final Setting<Integer> SMALL_ORDER_MAX = Setting.integer("store.small-order-max", 0, 0, Integer.MAX_VALUE,
            "crypto orders of at most this many minor units (cents) settle after store.small-order-confirmations; 0 switches it off");
    public static final Setting<Integer> SMALL_ORDER_CONFIRMATIONS = Setting.integer("store.small-order-confirmations", 1, 1, 100,
            "confirmations a small crypto order needs (never more than its chain's)");

    public static final List<Setting<?>> ALL = List.of(PAY_WINDOW, MONITOR_WINDOW, TOLERANCE, BITCOIN_KEY, ESPLORA,
            BITCOIN_CONFIRMATIONS, FIXED_RATES, PRICE_API, WATCH_INTERVAL, ETHEREUM_KEY, ETHEREUM_RPC, ETHEREUM_CHAIN_ID,
            ETHEREUM_CONFIRMATIONS, USDC_CONTRACT, TOKEN_LOOKBACK, PUBLIC_URL, NOWPAYMENTS_KEY, NOWPAYMENTS_SECRET, NOWPAYMENTS_API,
            WEBHOOK_URLS, WEBHOOK_SECRET, SMALL_ORDER_MAX, SMALL_ORDER_CONFIRMATIONS);
}
