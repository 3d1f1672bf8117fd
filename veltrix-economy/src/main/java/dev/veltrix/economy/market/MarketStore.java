package dev.veltrix.economy.market;

import dev.veltrix.economy.ledger.SameTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the shop keeps its items, trades and candles. */
public interface MarketStore {

    /** Creates or replaces an item's definition. */
    void saveItem(MarketItem item);

    List<MarketItem> items();

    Optional<MarketItem> item(String id);

    /** The trades of an item since an instant, oldest first: what its pressure is rebuilt from. */
    List<Trade> tradesSince(String item, Instant since);

    /** The newest trades of an item, newest first. */
    List<Trade> recentTrades(String item, int limit);

    Optional<Trade> tradeByKey(String requestKey);

    /** Units a player traded of an item on one side since an instant (the start of the UTC day). */
    long tradedSince(UUID player, String item, Side side, Instant since);

    /** What dampening kept back from sellers of a currency in [from, to). */
    long withheld(String currency, Instant from, Instant to);

    /** One-minute candles of an item in [from, to), oldest first. */
    List<Candle> minuteCandles(String item, Instant from, Instant to);

    /** The rows that record a trade, written in the transaction that posts its payment. */
    SameTransaction record(Trade trade);
}
