package dev.veltrix.server.store;

import dev.veltrix.commerce.crypto.Asset;
import dev.veltrix.commerce.crypto.Chain;
import dev.veltrix.commerce.crypto.EsploraWatcher;
import dev.veltrix.commerce.crypto.EtherWatcher;
import dev.veltrix.commerce.crypto.EthereumRpc;
import dev.veltrix.commerce.crypto.FirstSeen;
import dev.veltrix.commerce.crypto.InvoiceRules;
import dev.veltrix.commerce.crypto.Invoices;
import dev.veltrix.commerce.crypto.TokenWatcher;
import dev.veltrix.commerce.crypto.WalletKey;
import dev.veltrix.commerce.crypto.WalletKeys;
import dev.veltrix.commerce.orders.Rail;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.server.config.StoreSettings;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The crypto rails from the settings and the wallet keys entered in the console: each chain's watcher is built
 * once from its settings (Esplora, the Ethereum node), and a rail exists where its chain has a watcher and a
 * key. A key entered in the console takes the place of the configured one, on every node within seconds.
 */
final class CryptoRails {
    private static final long RELOAD_EVERY_MS = 2_000;
    private final StoreSettings settings;
    private final Clock clock;
    private final WalletKeys keys;
    private final EsploraWatcher esplora;
    private final EthereumRpc ethereum;
    private final EtherWatcher ether;
    private final TokenWatcher usdc;
    private Invoices invoices;
    private long appliedAt = -1;
    private long checkedAt;

    CryptoRails(Database database, Clock clock, StoreSettings settings) {
        this.settings = settings;
        this.clock = clock;
        this.keys = new WalletKeys(database, clock);
        FirstSeen firstSeen = FirstSeen.stored(database);
        this.esplora = settings.esplora() == null ? null : new EsploraWatcher(settings.esplora(), clock, firstSeen);
        StoreSettings.Ethereum eth = settings.ethereum();
        this.ethereum = eth == null ? null : new EthereumRpc(eth.rpc());
        this.ether = eth == null ? null : new EtherWatcher(ethereum, database, clock, firstSeen);
        this.usdc = eth == null || eth.usdcContract().isEmpty() ? null
                : new TokenWatcher(ethereum, eth.usdcContract(), eth.tokenLookbackBlocks(), clock, firstSeen);
    }

    /** The rails of the configured keys (console keys included), for the invoices being built. */
    Map<Rail, Invoices.CryptoRail> initial() {
        Map<Chain, WalletKey> chosen = new EnumMap<>(Chain.class);
        if (settings.bitcoinKey() != null) {
            chosen.put(Chain.BITCOIN, settings.bitcoinKey());
        }
        if (settings.ethereum() != null && settings.ethereum().key() != null) {
            chosen.put(Chain.ETHEREUM, settings.ethereum().key());
        }
        chosen.putAll(keys.saved());
        appliedAt = keys.changedAt();
        Map<Rail, Invoices.CryptoRail> rails = new EnumMap<>(Rail.class);
        chosen.forEach((chain, key) -> rails.putAll(railsOf(chain, key)));
        return rails;
    }

    void attach(Invoices invoices) {
        this.invoices = invoices;
    }

    /** Checks and keeps a key entered in the console and starts using it; returns its first three addresses to compare. */
    List<String> use(Chain chain, String text, String by) {
        if (chain == Chain.BITCOIN && esplora == null) {
            throw new RejectedException("no-watcher", "set store.bitcoin.esplora-url first: without it no Bitcoin payment can be seen");
        }
        if (chain == Chain.ETHEREUM && ethereum == null) {
            throw new RejectedException("no-watcher", "set store.ethereum.rpc-url first: without a node no Ethereum payment can be seen");
        }
        WalletKey key = keys.save(chain, text, by);
        railsOf(chain, key).forEach(invoices::putRail);
        return IntStream.range(0, 3).mapToObj(key::address).toList();
    }

    /** Picks up a key another node saved; cheap enough to call before each new invoice. */
    synchronized void refresh() {
        long now = clock.millis();
        if (now - checkedAt < RELOAD_EVERY_MS) {
            return;
        }
        checkedAt = now;
        long changed = keys.changedAt();
        if (changed != appliedAt) {
            keys.saved().forEach((chain, key) -> railsOf(chain, key).forEach(invoices::putRail));
            appliedAt = changed;
        }
    }

    private Map<Rail, Invoices.CryptoRail> railsOf(Chain chain, WalletKey key) {
        Map<Rail, Invoices.CryptoRail> rails = new EnumMap<>(Rail.class);
        if (chain == Chain.BITCOIN && esplora != null) {
            rails.put(Rail.BTC, new Invoices.CryptoRail(Asset.BTC, key, esplora,
                    rules(settings.bitcoinConfirmations()), 0));
        } else if (chain == Chain.ETHEREUM && ether != null) {
            StoreSettings.Ethereum eth = settings.ethereum();
            rails.put(Rail.ETH, new Invoices.CryptoRail(Asset.ETH, key, ether, rules(eth.confirmations()), eth.chainId()));
            if (usdc != null) {
                Asset token = new Asset("USDC", Asset.USDC.chain(), Asset.USDC.decimals(), eth.usdcContract(), Asset.USDC.priceId());
                rails.put(Rail.USDC, new Invoices.CryptoRail(token, key, usdc, rules(eth.confirmations()), eth.chainId()));
            }
        }
        return rails;
    }

    private InvoiceRules rules(int confirmations) {
        return new InvoiceRules(confirmations, settings.tolerancePercent(), settings.monitorWindow());
    }
}
