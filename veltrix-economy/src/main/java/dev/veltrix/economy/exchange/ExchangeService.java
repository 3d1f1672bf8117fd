package dev.veltrix.economy.exchange;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.OverloadedException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.ledger.LedgerService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The player currency exchange: limit and market orders on currency pairs, matched by price-time
 * priority, with every order's funds escrowed in the ledger and every fill settled from escrow.
 * Each pair runs on its own {@link PairDesk}.
 */
public final class ExchangeService implements AutoCloseable {
    public static final int PAGE_MAX = 200;
    /** Where orders' funds wait until they fill or are released: players' money, part of the supply. */
    public static final dev.veltrix.economy.ledger.AccountId ESCROW = PairBook.ESCROW;

    private final ExchangeStore store;
    private final LedgerService ledger;
    private final Clock clock;
    private final ExchangeSettings settings;
    private final Map<String, PairDesk> desks = new ConcurrentHashMap<>();

    public ExchangeService(ExchangeStore store, LedgerService ledger, Clock clock, ExchangeSettings settings) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
        for (Pair pair : store.pairs()) {
            desks.put(pair.id(), new PairDesk(pair, store, ledger, clock, settings));
        }
    }

    /** Opens a pair for trading. Its tick and minimum are fixed once open; only the fee may change. */
    public synchronized Pair define(Pair pair) {
        List<FieldError> errors = new ArrayList<>(pair.problems());
        for (String field : List.of("base", "quote")) {
            String code = field.equals("base") ? pair.base() : pair.quote();
            if (code != null && errors.stream().noneMatch(e -> e.field().equals(field))) {
                try {
                    ledger.currency(code);
                } catch (NotFoundException e) {
                    errors.add(new FieldError(field, e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the pair is invalid; nothing was saved", errors);
        }
        PairDesk existing = desks.get(pair.id());
        if (existing != null && (existing.pair().tickSize() != pair.tickSize()
                || existing.pair().minQuantity() != pair.minQuantity())) {
            throw new ConflictException("pair-fixed", "pair " + pair.id() + " is open with tick " + existing.pair().tickSize()
                    + " and minimum " + existing.pair().minQuantity() + "; those cannot change while orders may rest");
        }
        store.savePair(pair);
        if (existing != null) {
            existing.close();
        }
        desks.put(pair.id(), new PairDesk(pair, store, ledger, clock, settings));
        return pair;
    }

    public List<Pair> pairs() {
        return desks.values().stream().map(PairDesk::pair).sorted(java.util.Comparator.comparing(Pair::id)).toList();
    }

    /** Places an order; the same Idempotency-Key again returns the first placement. */
    public OrderResult place(String pairId, OrderRequest request) {
        return await(submit(desk(pairId), request));
    }

    /** One order of {@link #placeAll}: what it became, or the refusal that stopped it. */
    public record Outcome(OrderResult result, VeltrixException refusal) {
    }

    /**
     * Places several orders in the given sequence (a bot's batch, a simulated day): they enter the
     * book in list order. Each gets its own outcome.
     */
    public List<Outcome> placeAll(String pairId, List<OrderRequest> requests) {
        PairDesk desk = desk(pairId);
        List<CompletableFuture<OrderResult>> pending = new ArrayList<>(requests.size());
        for (OrderRequest request : requests) {
            try {
                pending.add(submit(desk, request));
            } catch (VeltrixException refused) {
                pending.add(CompletableFuture.failedFuture(refused));
            }
        }
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (CompletableFuture<OrderResult> future : pending) {
            try {
                outcomes.add(new Outcome(await(future), null));
            } catch (VeltrixException refused) {
                outcomes.add(new Outcome(null, refused));
            }
        }
        return outcomes;
    }

    /** Validates an order and hands it to its pair's desk; a key seen before answers with the first placement. */
    private CompletableFuture<OrderResult> submit(PairDesk desk, OrderRequest request) {
        List<FieldError> errors = request.problems(desk.pair(), clock.instant());
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the order is invalid; nothing was placed", errors);
        }
        var earlier = store.orderByKey(desk.pair().id(), request.clientKey());
        if (earlier.isPresent()) {
            return CompletableFuture.completedFuture(replay(earlier.get(), request));
        }
        return desk.submit(new PairDesk.Place(request, new CompletableFuture<>()));
    }

    private static OrderResult replay(Order order, OrderRequest request) {
        boolean same = order.player().equals(request.player()) && order.side() == request.side()
                && order.type() == request.type() && order.price() == request.price()
                && order.quantity() == request.quantity() && order.maxTotal() == request.maxTotal()
                && Objects.equals(order.expiresAt(), request.expiresAt());
        if (!same) {
            throw new ConflictException("idempotency-key-reused", "Idempotency-Key " + request.clientKey()
                    + " was already used for another order; send a new key for a new order");
        }
        return new OrderResult(order, true);
    }

    /** Cancels a resting order and releases what remains in escrow; {@code player} must own it. */
    public OrderResult cancel(String pairId, UUID orderId, UUID player) {
        return await(desk(pairId).submit(new PairDesk.Cancel(orderId, player, OrderStatus.CANCELLED, new CompletableFuture<>())));
    }

    public Order order(String pairId, UUID orderId) {
        desk(pairId);
        return store.order(orderId).filter(o -> o.pair().equals(pairId))
                .orElseThrow(() -> new NotFoundException("no order " + orderId + " on " + pairId));
    }

    public List<Order> orders(String pairId, UUID player, int limit) {
        checkLimit(limit);
        desk(pairId);
        return store.orders(pairId, player, limit);
    }

    public List<ExchangeTrade> trades(String pairId, int limit) {
        checkLimit(limit);
        desk(pairId);
        return store.trades(pairId, limit);
    }

    public BookView book(String pairId, int levels) {
        if (levels < 1 || levels > BookView.DEPTH_MAX) {
            throw InvalidInputException.of("depth", "must be 1.." + BookView.DEPTH_MAX + ", got " + levels);
        }
        return desk(pairId).view().top(levels);
    }

    /** What open orders commit per currency, across pairs; the escrow account must hold exactly this. */
    public Map<String, Long> committed() {
        Map<String, Long> total = new HashMap<>();
        desks.values().forEach(d -> d.committed().forEach((c, v) -> total.merge(c, v, Math::addExact)));
        return total;
    }

    private PairDesk desk(String pairId) {
        PairDesk desk = pairId == null ? null : desks.get(pairId);
        if (desk == null) {
            throw new NotFoundException("no pair " + pairId + "; pairs are named base-quote, such as gems-coins; "
                    + "GET /api/v1/exchange/pairs lists them");
        }
        return desk;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > PAGE_MAX) {
            throw InvalidInputException.of("limit", "must be 1.." + PAGE_MAX + ", got " + limit);
        }
    }

    private OrderResult await(CompletableFuture<OrderResult> future) {
        try {
            return future.get(settings.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OverloadedException("the exchange did not answer within " + settings.timeoutMs()
                    + " ms; retry with the same Idempotency-Key to learn the outcome", 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the exchange", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VeltrixException known) {
                throw known;
            }
            throw new IllegalStateException("the exchange failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        desks.values().forEach(PairDesk::close);
    }
}
