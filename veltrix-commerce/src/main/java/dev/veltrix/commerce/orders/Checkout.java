package dev.veltrix.commerce.orders;

import dev.veltrix.commerce.fulfilment.Fulfilment;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.PostResult;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.SqlEffect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Places an order on its rail. Game currency: the payment, the order and its settlement commit in one ledger
 * transaction under the caller's idempotency key (a retry returns the same order, never a second charge).
 * Crypto: the order is reserved, then its invoice is created by the {@link InvoiceOpener}; if that fails the
 * order is cancelled and its reservations given back. A gift card covering it all settles at once.
 */
public final class Checkout {
    private final Orders orders;
    private final Fulfilment fulfilment;
    private final LedgerService ledger;
    private final InvoiceOpener invoices;

    /** Opens the crypto invoice of a freshly reserved order (the crypto rail). */
    @FunctionalInterface
    public interface InvoiceOpener {
        void open(Order order);
    }

    public Checkout(Orders orders, Fulfilment fulfilment, LedgerService ledger, InvoiceOpener invoices) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.ledger = ledger;
        this.invoices = invoices;
    }

    public Order place(PlaceOrder request, String idempotencyKey) {
        PlayerDirectory.Known player = orders.check(request);
        if (request.rail() == Rail.GAME) {
            return payFromBalance(request, player, idempotencyKey);
        }
        UUID id = Orders.newId();
        Order order = orders.database().inTransaction(tx -> orders.reserve(tx, id, player, request));
        if (order.status() == OrderStatus.PAID) {
            fulfilment.dispatch(id);
            return order;
        }
        try {
            invoices.open(order);
        } catch (RuntimeException e) {
            orders.move(id, java.util.Set.of(OrderStatus.PENDING), OrderStatus.CANCELLED, "cancelled",
                    "no invoice could be opened: " + e.getMessage());
            if (e instanceof dev.veltrix.core.error.VeltrixException) {
                throw e;
            }
            // A rate source, chain node or processor that is down: the buyer may simply try again.
            throw new dev.veltrix.core.error.OverloadedException("the payment rail is unavailable right now (" + e.getMessage()
                    + "); nothing was charged, try again in a minute", 60);
        }
        return orders.order(id);
    }

    private Order payFromBalance(PlaceOrder request, PlayerDirectory.Known player, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 150) {
            throw InvalidInputException.of("Idempotency-Key", "send a unique key of 1..150 characters with every purchase");
        }
        // Priced once to know the charge; the effect prices again inside the ledger's transaction and
        // refuses if anything moved in between, so the charge always equals the order.
        // The order's id follows from the key, so a retry finds the order its first attempt placed.
        UUID id = UUID.nameUUIDFromBytes(("store:order:" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Optional<Order> placed = orders.database().inTransaction(tx -> orders.find(tx, id));
        if (placed.isPresent()) {
            return placed.get();
        }
        Order quote = orders.quote(id, player, request);
        long total = quote.total();
        TransferRequest payment = new TransferRequest(AccountId.player(player.id()), Fulfilment.STORE, quote.currency(), total,
                "store-order", Map.of("order", id.toString()));
        SqlEffect effect = (tx, posted) -> {
            Order order = orders.reserve(tx, id, player, request);
            if (order.total() != total) {
                throw new dev.veltrix.core.error.ConflictException("price-changed", "the price changed while paying; try again");
            }
            orders.settle(tx, id, "paid " + total + " " + order.currency() + " from the player's balance");
        };
        PostResult result = ledger.post("store:order:" + idempotencyKey, List.of(payment), effect);
        if (!result.replayed()) {
            fulfilment.dispatch(id);
        }
        return orders.order(id);
    }
}
