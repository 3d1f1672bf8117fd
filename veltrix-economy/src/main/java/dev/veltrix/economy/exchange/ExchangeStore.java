package dev.veltrix.economy.exchange;

import dev.veltrix.economy.ledger.SameTransaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the exchange keeps its pairs, the inputs of each engine, orders and trades. */
public interface ExchangeStore {

    void savePair(Pair pair);

    List<Pair> pairs();

    /** Every input of a pair, in sequence order. */
    List<StoredInput> inputs(String pair);

    Optional<Order> order(UUID id);

    Optional<Order> orderByKey(String pair, String clientKey);

    /** A player's orders on a pair, newest first. */
    List<Order> orders(String pair, UUID player, int limit);

    /** The newest trades of a pair, newest first. */
    List<ExchangeTrade> trades(String pair, int limit);

    /** Records a new order, unsettled, in the transaction that escrows its funds. */
    SameTransaction recordPlace(Order order);

    /**
     * Records what one input did, in the transaction that moves its money: the orders it changed,
     * the trades it made, the cancel input itself (null for a place), and that it is settled.
     */
    SameTransaction recordSettlement(Settlement settlement);

    /** The same rows, for an input that moved no money (a resting order that matched nothing). */
    void writeSettlement(Settlement settlement);
}
