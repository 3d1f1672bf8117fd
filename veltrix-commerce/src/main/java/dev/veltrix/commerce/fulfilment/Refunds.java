package dev.veltrix.commerce.fulfilment;

import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.OrderStatus;
import dev.veltrix.commerce.orders.Orders;
import dev.veltrix.commerce.orders.Rail;
import dev.veltrix.commerce.orders.Timeline;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Refunds and chargebacks. A paid order becomes refunded once: what it had not delivered yet is cancelled, its
 * revoke commands go to the game servers, the game currency and claim blocks it granted are taken back (each
 * exactly once), and a game-currency price is paid back to the player. A grant the player has already spent
 * cannot be taken below zero; that is written on the timeline for staff to settle.
 */
public final class Refunds {
    private final Database database;
    private final Clock clock;
    private final Orders orders;
    private final Fulfilment fulfilment;
    private final LedgerService ledger;

    public Refunds(Database database, Clock clock, Orders orders, Fulfilment fulfilment, LedgerService ledger) {
        this.database = database;
        this.clock = clock;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.ledger = ledger;
    }

    public Order refund(UUID orderId, String why) {
        Order order = orders.order(orderId);
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.REFUNDED) {
            throw new ConflictException("not-refundable", "order " + orderId + " is " + order.status() + "; only a paid order is refunded");
        }
        List<Delivery> grants = database.inTransaction(tx -> {
            Order now = orders.find(tx, orderId).orElseThrow();
            if (now.status() != OrderStatus.PAID || !orders.markRefunded(tx, orderId)) {
                return null; // refunded already: a repeated refund or chargeback changes nothing
            }
            Timeline.append(tx, orderId, clock.instant(), "refunded", why);
            return fulfilment.revoke(tx, now);
        });
        if (grants != null) {
            for (Delivery grant : grants) {
                try {
                    fulfilment.reverse(grant);
                } catch (VeltrixException e) {
                    note(orderId, "could not take back " + grant.command() + ": " + e.getMessage());
                }
            }
            if (order.rail() == Rail.GAME) {
                TransferRequest back = new TransferRequest(Fulfilment.STORE, AccountId.player(order.player()), order.currency(), order.total(),
                        "store-refund", Map.of("order", orderId.toString()));
                ledger.post("store:refund:" + orderId, List.of(back), null); // not a player's transfer: no tax applies
            }
            fulfilment.dispatch(orderId);
        }
        return orders.order(orderId);
    }

    private void note(UUID orderId, String text) {
        database.inTransaction(tx -> {
            Timeline.append(tx, orderId, clock.instant(), "refund-note", text);
            return null;
        });
    }
}
