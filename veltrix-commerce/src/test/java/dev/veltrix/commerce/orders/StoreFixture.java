package dev.veltrix.commerce.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.commerce.catalog.Catalog;
import dev.veltrix.commerce.catalog.Category;
import dev.veltrix.commerce.catalog.Deliverable;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.commerce.crypto.AddressBook;
import dev.veltrix.commerce.crypto.Asset;
import dev.veltrix.commerce.crypto.Chain;
import dev.veltrix.commerce.crypto.FixedRates;
import dev.veltrix.commerce.crypto.InvoiceRules;
import dev.veltrix.commerce.crypto.Invoices;
import dev.veltrix.commerce.crypto.ObservedPayment;
import dev.veltrix.commerce.crypto.Quotes;
import dev.veltrix.commerce.crypto.WalletKey;
import dev.veltrix.commerce.fulfilment.Fulfilment;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerObserver;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole store on one database: catalog, orders, fulfilment, a Bitcoin rail whose chain is a script the
 * test writes (what a watcher would report), and players known by name, some online on server {@code lobby-1}.
 */
public final class StoreFixture implements AutoCloseable {
    static final WalletKey WALLET = WalletKey.parse(Chain.BITCOIN,
            "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs", "0/*");
    public final TestDatabases.IsolatedDatabase db;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    final LedgerService ledger;
    final Catalog catalog;
    public final Orders orders;
    final Fulfilment fulfilment;
    final Invoices invoices;
    public final Checkout checkout;
    public final dev.veltrix.commerce.fulfilment.Refunds refunds;
    final dev.veltrix.commerce.hosted.LocalNowPayments processor;
    final dev.veltrix.commerce.hosted.NowPayments hosted;
    static final String IPN_SECRET = "ipn-secret-for-tests";
    final Map<String, UUID> names = new ConcurrentHashMap<>();
    final Map<UUID, String> spelled = new ConcurrentHashMap<>();
    final Map<UUID, String> online = new ConcurrentHashMap<>();
    final Map<String, List<ObservedPayment>> chain = new ConcurrentHashMap<>();
    final List<String> blocksGranted = new CopyOnWriteArrayList<>();

    public StoreFixture(SqlKind kind) {
        db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, AddressBook.SCHEMA));
        ledger = new LedgerService(new JooqLedgerStore(db.database(), clock, new ObjectMapper()), LedgerSettings.DEFAULTS, LedgerObserver.NONE);
        ledger.createCurrency(new Currency("coins", "Coins", 0));
        catalog = new Catalog(db.database(), clock, code -> ledger.currencies().stream().anyMatch(c -> c.code().equals(code)),
                season -> season.equals("winter"));
        PlayerDirectory directory = new PlayerDirectory() {
            @Override
            public Optional<Known> resolve(String name) {
                return Optional.ofNullable(names.get(name.toLowerCase(java.util.Locale.ROOT))).map(id -> new Known(id, spelled.get(id)));
            }

            @Override
            public Optional<String> nameOf(UUID player) {
                return Optional.ofNullable(spelled.get(player));
            }

            @Override
            public Optional<String> onlineServer(UUID player, String group) {
                return Optional.ofNullable(online.get(player));
            }

            @Override
            public Optional<String> anyServer(String group) {
                return Optional.of("lobby-1");
            }
        };
        orders = new Orders(db.database(), clock, directory, Duration.ofMinutes(15));
        fulfilment = new Fulfilment(db.database(), clock, directory, ledger, new dev.veltrix.commerce.fulfilment.GameGrants() {
            @Override
            public void claimBlocks(org.jooq.DSLContext tx, UUID player, long blocks) {
                blocksGranted.add(player + ":" + blocks);
            }

            @Override
            public void passPremium(org.jooq.DSLContext tx, UUID player, String season, boolean on) {
                blocksGranted.add(player + ":" + (on ? "premium " : "no premium ") + season);
            }
        });
        orders.onSettled(fulfilment::write);
        Invoices.CryptoRail btc = new Invoices.CryptoRail(Asset.BTC, WALLET,
                address -> chain.getOrDefault(address, List.of()), new InvoiceRules(2, BigDecimal.ZERO, Duration.ofHours(24)), 1);
        invoices = new Invoices(db.database(), clock, orders, fulfilment, new AddressBook(db.database(), clock),
                new Quotes(new FixedRates(Map.of("BTC/USD", new BigDecimal("50000"))), clock, Duration.ofMinutes(15)),
                Map.of(Rail.BTC, btc));
        refunds = new dev.veltrix.commerce.fulfilment.Refunds(db.database(), clock, orders, fulfilment, ledger);
        try {
            processor = new dev.veltrix.commerce.hosted.LocalNowPayments();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        hosted = new dev.veltrix.commerce.hosted.NowPayments(db.database(), clock, orders, fulfilment, refunds, processor.url(),
                dev.veltrix.commerce.hosted.LocalNowPayments.API_KEY, IPN_SECRET, java.net.URI.create("https://store.example.net"));
        checkout = new Checkout(orders, fulfilment, ledger, order -> {
            if (order.rail() == Rail.NOWPAYMENTS) {
                hosted.open(order);
            } else {
                invoices.open(order);
            }
        });
        catalog.putCategory(new Category("ranks", "Ranks", 1));
    }

    /** A player who has joined the network under {@code name}, with {@code coins} in their balance. */
    public UUID player(String name, long coins) {
        UUID id = UUID.randomUUID();
        names.put(name.toLowerCase(java.util.Locale.ROOT), id);
        spelled.put(id, name);
        if (coins > 0) {
            ledger.transfer("seed:" + id, new TransferRequest(new AccountId("system:mint"), AccountId.player(id), "coins", coins, "seed", Map.of()));
        }
        return id;
    }

    public StorePackage vip(String currency, long price, Integer stock) {
        return catalog.putPackage(new StorePackage("vip", "ranks", "VIP", "The VIP rank", currency, price, stock, null, 30,
                List.of(new Deliverable.Command("*", "lp user {player} parent add vip", false, Deliverable.Command.Trigger.PURCHASE),
                        new Deliverable.Command("survival", "give {player} diamond {quantity}", true, Deliverable.Command.Trigger.PURCHASE),
                        new Deliverable.Command("*", "lp user {uuid} parent remove vip", false, Deliverable.Command.Trigger.EXPIRY),
                        new Deliverable.Command("*", "eco take {player} 100", false, Deliverable.Command.Trigger.REFUND),
                        new Deliverable.CurrencyGrant("coins", 100),
                        new Deliverable.ClaimBlocks(500)),
                true));
    }

    @Override
    public void close() {
        processor.close();
        ledger.close();
        db.close();
    }
}
