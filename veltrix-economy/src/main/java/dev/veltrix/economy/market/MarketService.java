package dev.veltrix.economy.market;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.PostResult;
import dev.veltrix.economy.ledger.TransferRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dynamic shop. Prices follow each item's curve and are integrated over the whole quantity;
 * every coin moves through the ledger, in the same transaction as the trade's own record, under an
 * idempotency key derived from the quote or the caller's key, so a retry never trades twice.
 *
 * <p>Item state (pressure, price window) lives in memory on this node and is rebuilt from the
 * recorded trades on first use, so a restart prices exactly as before.
 */
public final class MarketService {
    /** The account the shop pays from and is paid into; its balance is the shop's net takings. */
    public static final AccountId SHOP = new AccountId("system:market");
    public static final int TRADES_PAGE_MAX = 200;

    private final MarketStore store;
    private final LedgerService ledger;
    private final Clock clock;
    private final MarketSettings settings;
    private final SellDampening dampening;
    private final TradeLimits limits;
    private final UuidV7 ids;
    private final Map<String, ItemBook> books = new ConcurrentHashMap<>();
    private final Cache<UUID, Quote> quotes;

    public MarketService(MarketStore store, LedgerService ledger, Clock clock, MarketSettings settings,
                         SellDampening dampening) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
        this.dampening = dampening;
        this.limits = new TradeLimits(store, clock, settings.tradesPerMinute());
        this.ids = new UuidV7(clock);
        this.quotes = Caffeine.newBuilder().maximumSize(1_000_000)
                .expireAfterWrite(settings.quoteTtl().plusSeconds(5)).build();
    }

    /** Creates or redefines an item; its pressure carries over, so redefining never resets a price's history. */
    public MarketItem define(MarketItem item) {
        List<FieldError> errors = new ArrayList<>(item.problems());
        if (item.currency() != null && !item.currency().isBlank()) {
            try {
                ledger.currency(item.currency());
            } catch (NotFoundException e) {
                errors.add(new FieldError("currency", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the item is invalid; nothing was saved", errors);
        }
        store.saveItem(item);
        ItemBook book = books.get(item.id());
        if (book != null) {
            synchronized (book) {
                book.item = item;
            }
        }
        return item;
    }

    public List<MarketItem> items() {
        return store.items();
    }

    public MarketItem item(String id) {
        return book(id).item;
    }

    /** The marginal price of the next unit, in minor units. */
    public BigDecimal price(String itemId) {
        ItemBook book = book(itemId);
        synchronized (book) {
            book.advance(clock.instant());
            return book.item.curve().price(book.pressure);
        }
    }

    /** Prices a trade for one player without doing it; the quote can be executed until it expires. */
    public Quote quote(String itemId, UUID player, Side side, long quantity) {
        checkRequest(player, side, quantity);
        ItemBook book = book(itemId);
        Instant now = clock.instant();
        Pricer.Priced priced;
        synchronized (book) {
            book.advance(now);
            priced = Pricer.price(book, side, quantity, dampening.factor(book.item.currency()), now);
        }
        Quote quote = new Quote(ids.generate(), itemId, player, side, quantity, priced.total(), priced.unitPrice(),
                priced.priceAfter(), book.item.currency(), now.plus(settings.quoteTtl()));
        quotes.put(quote.id(), quote);
        return quote;
    }

    /**
     * Executes a quote at the price of this moment, provided it is no worse for the player than the
     * quote. Executing the same quote again returns the first trade.
     */
    public TradeResult execute(UUID quoteId) {
        String key = "quote:" + quoteId;
        var done = store.tradeByKey(key);
        if (done.isPresent()) {
            return new TradeResult(done.get(), true);
        }
        Quote quote = quotes.getIfPresent(quoteId);
        if (quote == null) {
            throw new NotFoundException("no open quote " + quoteId + "; quotes live " + settings.quoteTtl().toSeconds()
                    + " s, request a new one");
        }
        if (clock.instant().isAfter(quote.expiresAt())) {
            throw new RejectedException("quote-expired", "quote " + quoteId + " expired at " + quote.expiresAt()
                    + "; request a new one");
        }
        return tradeOnce(quote.item(), quote.player(), quote.side(), quote.quantity(), quote.total(), key);
    }

    /**
     * Trades at once, without a quote. {@code limitTotal} (nullable) is the most a buyer will pay or
     * the least a seller will take; a price beyond it refuses the trade.
     */
    public TradeResult trade(String itemId, UUID player, Side side, long quantity, Long limitTotal, String idempotencyKey) {
        checkRequest(player, side, quantity);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 180) {
            throw InvalidInputException.of("Idempotency-Key", "send a unique key of 1..180 characters with every trade");
        }
        return tradeOnce(itemId, player, side, quantity, limitTotal, "key:" + idempotencyKey);
    }

    private TradeResult tradeOnce(String itemId, UUID player, Side side, long quantity, Long limitTotal, String key) {
        var done = store.tradeByKey(key);
        if (done.isPresent()) {
            return replay(done.get(), itemId, player, side, quantity);
        }
        limits.takeTrade(player);
        ItemBook book = book(itemId);
        Instant now = clock.instant();
        Trade trade;
        synchronized (book) {
            book.advance(now);
            MarketItem item = book.item;
            Pricer.Priced priced = Pricer.price(book, side, quantity, dampening.factor(item.currency()), now);
            if (limitTotal != null && (side == Side.BUY ? priced.total() > limitTotal : priced.total() < limitTotal)) {
                throw new ConflictException("price-moved", "the price of " + quantity + " " + itemId + " is now "
                        + priced.total() + ", beyond the " + limitTotal + " agreed; request a new quote");
            }
            limits.reserveDaily(item, player, side, quantity, now);
            book.apply(side, quantity);
            trade = new Trade(ids.generate(), key, itemId, player, side, quantity, priced.total(), item.currency(),
                    priced.priceAfter(), priced.withheld(), now);
        }
        try {
            PostResult posted = ledger.post("market:" + key, List.of(payment(trade)), store.record(trade));
            if (posted.replayed()) {
                // Another call with the same key won the race; its trade is the one that happened.
                undo(book, trade);
                return new TradeResult(store.tradeByKey(key).orElseThrow(), true);
            }
            return new TradeResult(trade, false);
        } catch (RuntimeException e) {
            undo(book, trade);
            throw e;
        }
    }

    private void undo(ItemBook book, Trade trade) {
        synchronized (book) {
            book.revert(trade.side(), trade.quantity(), trade.at(), clock.instant());
        }
        limits.releaseDaily(book.item, trade.player(), trade.side(), trade.quantity(), trade.at());
    }

    private static TradeResult replay(Trade trade, String itemId, UUID player, Side side, long quantity) {
        if (!trade.item().equals(itemId) || !trade.player().equals(player) || trade.side() != side
                || trade.quantity() != quantity) {
            throw new ConflictException("idempotency-key-reused", "this Idempotency-Key was used for another trade ("
                    + trade.side() + " " + trade.quantity() + " " + trade.item() + "); send a new key for a new trade");
        }
        return new TradeResult(trade, true);
    }

    private static TransferRequest payment(Trade trade) {
        AccountId player = AccountId.player(trade.player());
        Map<String, String> about = Map.of("item", trade.item(), "side", trade.side().name(),
                "quantity", Long.toString(trade.quantity()));
        String reference = "market:" + trade.id();
        return trade.side() == Side.BUY
                ? new TransferRequest(player, SHOP, trade.currency(), trade.total(), reference, about)
                : new TransferRequest(SHOP, player, trade.currency(), trade.total(), reference, about);
    }

    /** What sell-price dampening kept back from sellers of a currency in [from, to). */
    public long withheld(String currency, Instant from, Instant to) {
        return store.withheld(currency, from, to);
    }

    public List<Trade> recentTrades(String itemId, int limit) {
        if (limit < 1 || limit > TRADES_PAGE_MAX) {
            throw InvalidInputException.of("limit", "must be 1.." + TRADES_PAGE_MAX + ", got " + limit);
        }
        book(itemId);
        return store.recentTrades(itemId, limit);
    }

    /** Candles of an item's marginal price for [from, to), at most {@link Candles#COUNT_MAX} of them. */
    public List<Candle> candles(String itemId, String interval, Instant from, Instant to) {
        book(itemId);
        Duration length = Candles.interval(interval);
        Candles.checkRange(from, to, length);
        return Candles.aggregate(store.minuteCandles(itemId, from, to), length);
    }

    private static void checkRequest(UUID player, Side side, long quantity) {
        List<FieldError> errors = new ArrayList<>();
        if (player == null) {
            errors.add(new FieldError("player", "the player's UUID"));
        }
        if (side == null) {
            errors.add(new FieldError("side", "BUY or SELL"));
        }
        if (quantity < 1 || quantity > MarketItem.QUANTITY_MAX) {
            errors.add(new FieldError("quantity", "1.." + MarketItem.QUANTITY_MAX + " units, got " + quantity));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the trade is invalid; nothing was traded", errors);
        }
    }

    private ItemBook book(String itemId) {
        ItemBook book = books.get(itemId);
        if (book != null) {
            return book;
        }
        MarketItem item = store.item(itemId).orElseThrow(() -> new NotFoundException(
                "no shop item " + itemId + "; GET /api/v1/market/items lists them"));
        return books.computeIfAbsent(itemId, id -> rebuild(item));
    }

    private ItemBook rebuild(MarketItem item) {
        Instant now = clock.instant();
        Duration memory = Pressure.memory(item.halfLifeMinutes());
        Instant since = memory == null ? Instant.EPOCH : now.minus(memory);
        return new ItemBook(item, Pressure.of(store.tradesSince(item.id(), since), now, item.halfLifeMinutes()), now);
    }
}
