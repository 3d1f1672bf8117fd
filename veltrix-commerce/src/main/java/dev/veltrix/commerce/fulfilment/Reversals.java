package dev.veltrix.commerce.fulfilment;

import static dev.veltrix.commerce.fulfilment.Fulfilment.COMMAND;
import static dev.veltrix.commerce.fulfilment.Fulfilment.DELIVERIES;
import static dev.veltrix.commerce.fulfilment.Fulfilment.DONE;
import static dev.veltrix.commerce.fulfilment.Fulfilment.DONE_BY;
import static dev.veltrix.commerce.fulfilment.Fulfilment.DUE;
import static dev.veltrix.commerce.fulfilment.Fulfilment.GROUP;
import static dev.veltrix.commerce.fulfilment.Fulfilment.ID;
import static dev.veltrix.commerce.fulfilment.Fulfilment.KIND;
import static dev.veltrix.commerce.fulfilment.Fulfilment.ORDER;
import static dev.veltrix.commerce.fulfilment.Fulfilment.PLAYER;
import static dev.veltrix.commerce.fulfilment.Fulfilment.PLAYER_NAME;
import static dev.veltrix.commerce.fulfilment.Fulfilment.STATUS;
import static dev.veltrix.commerce.fulfilment.Fulfilment.STORE;
import static dev.veltrix.commerce.fulfilment.Fulfilment.WHEN_ONLINE;
import static dev.veltrix.commerce.fulfilment.Fulfilment.ATTEMPTS;

import dev.veltrix.commerce.catalog.Catalog;
import dev.veltrix.commerce.catalog.Deliverable;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.OrderLine;
import dev.veltrix.commerce.orders.Timeline;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.SqlEffect;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Taking back what a refunded order delivered: cancelling what is still pending, writing the package's refund and
 * expiry commands, and reversing applied grants once each (game currency, creator earnings, claim blocks, premium).
 */
final class Reversals {
    private final Database database;
    private final Clock clock;
    private final LedgerService ledger;
    private final GameGrants grants;

    Reversals(Database database, Clock clock, LedgerService ledger, GameGrants grants) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
        this.grants = grants;
    }

    /**
     * Takes back a refunded order inside {@code tx}: what was not delivered yet is cancelled, and the package's
     * refund commands (and a timed package's expiry commands) are written to run now. Returns the grants that
     * were applied and must be reversed.
     */
    List<Delivery> revoke(DSLContext tx, Order order) {
        long now = clock.millis();
        tx.update(DELIVERIES).set(STATUS, Delivery.Status.CANCELLED.name()).set(DONE, now).set(DONE_BY, "refund")
                .where(ORDER.eq(order.id().toString()), STATUS.eq(Delivery.Status.PENDING.name())).execute();
        var insert = tx.insertInto(DELIVERIES, ID, ORDER, PLAYER, PLAYER_NAME, KIND, GROUP, COMMAND, WHEN_ONLINE, DUE, STATUS, ATTEMPTS);
        int count = 0;
        for (OrderLine line : order.lines()) {
            StorePackage pkg = Catalog.find(tx, line.packageId()).orElse(null);
            for (Deliverable d : pkg == null ? List.<Deliverable>of() : pkg.deliverables()) {
                if (d instanceof Deliverable.Command c && c.on() != Deliverable.Command.Trigger.PURCHASE) {
                    insert = insert.values(UuidV7.next().toString(), order.id().toString(), order.player().toString(), order.playerName(),
                            Delivery.Kind.REVOKE.name(), c.group(), c.fill(order.playerName(), order.player(), order.id(), line.quantity()),
                            c.whenOnline() ? 1 : 0, now, Delivery.Status.PENDING.name(), 0);
                    count++;
                }
            }
        }
        if (count > 0) {
            insert.execute();
        }
        return tx.selectFrom(DELIVERIES).where(ORDER.eq(order.id().toString()), STATUS.eq(Delivery.Status.DELIVERED.name()),
                KIND.in(Delivery.Kind.CURRENCY.name(), Delivery.Kind.BLOCKS.name(), Delivery.Kind.EARNING.name(), Delivery.Kind.PREMIUM.name()))
                .fetch(Fulfilment::read);
    }

    /** Takes back one applied grant, once: the game currency through the ledger, claim blocks from the allowance. */
    void reverse(Delivery grant) {
        if (grant.kind() == Delivery.Kind.CURRENCY) {
            String[] parts = grant.command().split(" ");
            TransferRequest back = new TransferRequest(AccountId.player(grant.player()), STORE, parts[0], Long.parseLong(parts[1]),
                    "store-refund", Map.of("order", grant.order().toString(), "delivery", grant.id().toString()));
            ledger.post("store:reverse:" + grant.id(), List.of(back), (SqlEffect) (tx, posted) -> markReversed(tx, grant));
        } else if (grant.kind() == Delivery.Kind.EARNING) {
            String[] parts = grant.command().split(" ");
            TransferRequest back = new TransferRequest(dev.veltrix.commerce.creators.Creators.account(parts[0]),
                    dev.veltrix.commerce.creators.Creators.REVENUE, dev.veltrix.commerce.creators.Creators.ledgerCurrency(parts[1]),
                    Long.parseLong(parts[2]), "creator-refund", Map.of("order", grant.order().toString(), "package", parts[3]));
            ledger.post("store:reverse:" + grant.id(), List.of(back), (SqlEffect) (tx, posted) -> markReversed(tx, grant));
        } else if (grant.kind() == Delivery.Kind.BLOCKS || grant.kind() == Delivery.Kind.PREMIUM) {
            database.inTransaction(tx -> {
                if (markReversed(tx, grant)) {
                    if (grant.kind() == Delivery.Kind.BLOCKS) {
                        grants.claimBlocks(tx, grant.player(), -Long.parseLong(grant.command()));
                    } else {
                        grants.passPremium(tx, grant.player(), grant.command(), false);
                    }
                }
                return null;
            });
        }
    }

    private boolean markReversed(DSLContext tx, Delivery d) {
        int updated = tx.update(DELIVERIES).set(STATUS, Delivery.Status.REVERSED.name())
                .where(ID.eq(d.id().toString()), STATUS.eq(Delivery.Status.DELIVERED.name())).execute();
        if (updated == 1) {
            Timeline.append(tx, d.order(), clock.instant(), "reversed", d.kind().name().toLowerCase(java.util.Locale.ROOT) + " \""
                    + d.command() + "\" taken back");
        }
        return updated == 1;
    }
}
