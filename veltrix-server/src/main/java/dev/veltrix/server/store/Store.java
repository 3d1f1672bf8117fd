package dev.veltrix.server.store;

import dev.veltrix.commerce.catalog.Catalog;
import dev.veltrix.commerce.crypto.AddressBook;
import dev.veltrix.commerce.crypto.FixedRates;
import dev.veltrix.commerce.crypto.Invoices;
import dev.veltrix.commerce.crypto.PriceApiRates;
import dev.veltrix.commerce.crypto.Quotes;
import dev.veltrix.commerce.crypto.RateSource;
import dev.veltrix.commerce.fulfilment.Fulfilment;
import dev.veltrix.commerce.fulfilment.Refunds;
import dev.veltrix.commerce.hosted.NowPayments;
import dev.veltrix.commerce.webhooks.Webhooks;
import dev.veltrix.core.event.EventBus;
import dev.veltrix.commerce.orders.Checkout;
import dev.veltrix.commerce.orders.Orders;
import dev.veltrix.commerce.orders.Rail;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.network.NetworkService;
import dev.veltrix.server.claims.ClaimService;
import dev.veltrix.server.config.StoreSettings;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.lease.LeasedTask;
import dev.veltrix.storage.lease.Leases;
import java.time.Clock;
import java.time.Duration;

/**
 * The store as this node runs it: the catalog, orders, fulfilment and the crypto rails the operator set up,
 * with two jobs each run by one node of a cluster: watching open invoices, and sweeping deliveries
 * (retries of unacknowledged commands, expiry commands that came due).
 */
public final class Store implements AutoCloseable {
    public final Catalog catalog;
    public final Orders orders;
    public final Fulfilment fulfilment;
    public final Invoices invoices;
    public final Checkout checkout;
    public final Refunds refunds;
    public final dev.veltrix.commerce.creators.Creators creators;
    /** The hosted rail, or null when not configured. */
    public final NowPayments hosted;
    public final Webhooks webhooks;
    private final LeasedTask webhookSender;
    private final EventBus.Subscription webhookFeed;
    private final CryptoRails cryptoRails;
    private final LeasedTask watch;
    private final LeasedTask sweep;

    public Store(Database database, Clock clock, StoreSettings settings, LedgerService ledger, NetworkService network,
                 ClaimService claims, dev.veltrix.progression.battlepass.BattlePass battlePass, Leases leases, String nodeId, EventBus bus) {
        NetworkDirectory directory = new NetworkDirectory(network);
        catalog = new Catalog(database, clock, code -> ledger.currencies().stream().anyMatch(c -> c.code().equals(code)), battlePass::exists);
        orders = new Orders(database, clock, directory, settings.payWindow());
        fulfilment = new Fulfilment(database, clock, directory, ledger, new dev.veltrix.commerce.fulfilment.GameGrants() {
            @Override
            public void claimBlocks(org.jooq.DSLContext tx, java.util.UUID player, long blocks) {
                claims.grantBlocks(tx, player, blocks);
            }

            @Override
            public void passPremium(org.jooq.DSLContext tx, java.util.UUID player, String season, boolean on) {
                battlePass.setPremium(tx, season, player, on);
            }
        });
        orders.onSettled(fulfilment::write);
        cryptoRails = new CryptoRails(database, clock, settings);
        RateSource rates = settings.priceApi() != null ? new PriceApiRates(settings.priceApi(), clock) : new FixedRates(settings.fixedRates());
        invoices = new Invoices(database, clock, orders, fulfilment, new AddressBook(database, clock),
                new Quotes(rates, clock, settings.payWindow()), cryptoRails.initial());
        cryptoRails.attach(invoices);
        refunds = new Refunds(database, clock, orders, fulfilment, ledger);
        creators = new dev.veltrix.commerce.creators.Creators(database, clock, ledger);
        StoreSettings.Hosted h = settings.hosted();
        hosted = h == null ? null : new NowPayments(database, clock, orders, fulfilment, refunds, h.api(), h.apiKey(), h.ipnSecret(), h.publicUrl());
        invoices.smallOrders(settings.smallOrders().maxTotal(), settings.smallOrders().confirmations());
        checkout = new Checkout(orders, fulfilment, ledger, this::openPayment);
        network.onJoin(fulfilment::sendPending);
        watch = new LeasedTask(leases, "store-invoices", nodeId, settings.watchInterval(), () -> {
            cryptoRails.refresh();
            invoices.monitor();
        });
        sweep = new LeasedTask(leases, "store-deliveries", nodeId, Duration.ofSeconds(5), () -> fulfilment.sweep(500));
        webhooks = new Webhooks(database, clock, settings.webhooks().endpoints(), settings.webhooks().secret());
        // Queued by one node of the cluster from the bus, sent by the node holding the lease.
        webhookFeed = webhooks.enabled() ? bus.subscribe("store-webhooks", webhooks::accept) : null;
        webhookSender = webhooks.enabled() ? new LeasedTask(leases, "store-webhooks", nodeId, Duration.ofSeconds(2), () -> webhooks.send(100))
                : null;
    }

    /** Opens the payment of a freshly placed order on its rail. */
    private void openPayment(dev.veltrix.commerce.orders.Order order) {
        if (order.rail() != Rail.NOWPAYMENTS) {
            cryptoRails.refresh();
            invoices.open(order);
        } else if (hosted == null) {
            throw new dev.veltrix.core.error.RejectedException("rail-unavailable", "this store takes no payments through NOWPayments");
        } else {
            hosted.open(order);
        }
    }

    /**
     * Checks and keeps a wallet key an operator entered, and uses it from the next order on (every node within
     * seconds). Returns the key's first three receive addresses, for the operator to compare with their wallet.
     */
    public java.util.List<String> useWalletKey(dev.veltrix.commerce.crypto.Chain chain, String key, String by) {
        return cryptoRails.use(chain, key, by);
    }

    /** The rails a buyer may choose on the storefront, in the order shown. */
    public java.util.List<Rail> webRails() {
        java.util.List<Rail> rails = new java.util.ArrayList<>(invoices.rails().stream().sorted().toList());
        if (hosted != null) {
            rails.add(Rail.NOWPAYMENTS);
        }
        rails.add(Rail.GIFT_CARD);
        return rails;
    }

    @Override
    public void close() {
        if (webhookFeed != null) {
            webhookFeed.close();
            webhookSender.close();
        }
        watch.close();
        sweep.close();
    }
}
