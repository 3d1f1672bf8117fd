package dev.veltrix.economy.exchange;

import dev.veltrix.economy.ledger.TransferRequest;
import java.util.List;

/**
 * What one engine input did, to be committed at once: the money it moves out of escrow, the orders
 * it changed (their new states), the trades it made, and for a cancel the input itself.
 *
 * @param inputSeq the place or cancel input this settles
 * @param cancel   the cancel input to record, or null when settling a place
 */
public record Settlement(String pair, long inputSeq, List<TransferRequest> legs, List<Order> orders,
                        List<ExchangeTrade> trades, StoredInput.Cancel cancel) {
    public Settlement {
        legs = List.copyOf(legs);
        orders = List.copyOf(orders);
        trades = List.copyOf(trades);
    }
}
