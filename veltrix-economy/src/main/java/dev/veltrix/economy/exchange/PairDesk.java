package dev.veltrix.economy.exchange;

import dev.veltrix.core.error.OverloadedException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.PostResult;
import dev.veltrix.economy.ledger.TransferRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pair: a single thread owns its {@link PairBook} and works in rounds. A round takes the
 * waiting commands and gives each a sequence number; escrows every new order (all at once, so the
 * ledger commits them in one group, each with its order's row); feeds the accepted orders and the
 * cancels to the book in sequence order; then commits every settlement (again as one group). Only
 * then are callers answered. The inputs persisted are exactly what the book saw, in its order, so
 * on start the desk replays them and settles whatever a crash left unsettled.
 */
final class PairDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PairDesk.class);

    sealed interface Command permits Place, Cancel {
        CompletableFuture<OrderResult> result();
    }

    record Place(OrderRequest request, CompletableFuture<OrderResult> result) implements Command {
    }

    /** @param player the player who must own the order, or null for the system (expiry, admin) */
    record Cancel(UUID orderId, UUID player, OrderStatus reason, CompletableFuture<OrderResult> result) implements Command {
    }

    private final PairBook book;
    private final ExchangeStore store;
    private final LedgerService ledger;
    private final Clock clock;
    private final ExchangeSettings settings;
    private final UuidV7 ids;
    private final BlockingQueue<Command> queue;
    private final ExecutorService posters = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile BookView view;
    private long nextSeq = 1;

    PairDesk(Pair pair, ExchangeStore store, LedgerService ledger, Clock clock, ExchangeSettings settings) {
        this.book = new PairBook(pair, settings.maxFillsPerOrder());
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
        this.ids = new UuidV7(clock);
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        recover();
        publishView();
        this.thread = Thread.ofPlatform().name("veltrix-exchange-" + pair.id()).daemon().start(this::run);
    }

    Pair pair() {
        return book.pair;
    }

    BookView view() {
        return view;
    }

    Map<String, Long> committed() {
        return call(() -> book.committed());
    }

    /** Replays the persisted inputs and settles any the last run did not finish. */
    private void recover() {
        int resettled = 0;
        for (StoredInput input : store.inputs(book.pair.id())) {
            nextSeq = Math.max(nextSeq, input.seq() + 1);
            switch (input) {
                case StoredInput.Place place -> {
                    Order o = place.order();
                    Order fresh = new Order(o.id(), o.pair(), o.seq(), o.player(), o.side(), o.type(), o.price(),
                            o.quantity(), o.maxTotal(), 0, 0, OrderStatus.OPEN, o.clientKey(), o.createdAt(), o.expiresAt());
                    Settlement settlement = book.place(fresh, o.createdAt());
                    if (!place.settled()) {
                        commit(List.of(settlement));
                        resettled++;
                    }
                }
                case StoredInput.Cancel cancel ->
                        book.cancel(cancel.seq(), book.liveAt(cancel.orderSeq()), cancel.reason(), cancel.at());
            }
        }
        if (resettled > 0) {
            LOG.warn("exchange {}: settled {} orders a previous run left unsettled", book.pair.id(), resettled);
        }
    }

    CompletableFuture<OrderResult> submit(Command command) {
        if (!running) {
            throw new IllegalStateException("the exchange is shutting down; retry against another node");
        }
        if (!queue.offer(command)) {
            throw new OverloadedException("the " + book.pair.id() + " order queue is full; retry with the same key", 1);
        }
        return command.result();
    }

    private void run() {
        List<Command> round = new ArrayList<>(settings.batchMax());
        while (running || !queue.isEmpty()) {
            try {
                Command first = queue.poll(200, TimeUnit.MILLISECONDS);
                List<Command> expiries = expiries();
                if (first == null && expiries.isEmpty()) {
                    continue;
                }
                round.addAll(expiries);
                if (first != null) {
                    round.add(first);
                    queue.drainTo(round, settings.batchMax() - round.size());
                }
                synchronized (this) {
                    process(round);
                }
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                LOG.error("exchange {}: a round failed", book.pair.id(), e);
                round.forEach(c -> c.result().completeExceptionally(e));
            } finally {
                round.clear();
            }
        }
    }

    private List<Command> expiries() {
        List<Command> out = new ArrayList<>();
        for (Order order : book.expired(clock.instant())) {
            out.add(new Cancel(order.id(), null, OrderStatus.EXPIRED, new CompletableFuture<>()));
        }
        return out;
    }

    private record Pending(Command command, long seq, Order order, CompletableFuture<PostResult> escrow) {
    }

    private void process(List<Command> round) {
        Instant now = clock.instant();
        List<Pending> pending = new ArrayList<>(round.size());
        for (Command command : round) {
            long seq = nextSeq++;
            if (command instanceof Place place) {
                OrderRequest r = place.request();
                Order order = new Order(ids.generate(), book.pair.id(), seq, r.player(), r.side(), r.type(), r.price(),
                        r.quantity(), r.maxTotal(), 0, 0, OrderStatus.OPEN, r.clientKey(), now, r.expiresAt());
                TransferRequest escrow = new TransferRequest(AccountId.player(r.player()), PairBook.ESCROW,
                        r.side() == OrderSide.BUY ? book.pair.quote() : book.pair.base(), r.escrowAmount(),
                        "exchange:" + book.pair.id() + ":" + seq, null);
                pending.add(new Pending(command, seq, order, CompletableFuture.supplyAsync(() -> ledger.post(
                        "exchange:" + book.pair.id() + ":order:" + r.clientKey(), List.of(escrow), store.recordPlace(order)), posters)));
            } else {
                pending.add(new Pending(command, seq, null, null));
            }
        }
        List<Settlement> settlements = new ArrayList<>();
        List<Runnable> answers = new ArrayList<>();
        for (Pending p : pending) {
            switch (p.command()) {
                case Place place -> accept(p, place, now, settlements, answers);
                case Cancel cancel -> cancel(p, cancel, now, settlements, answers);
            }
        }
        commit(settlements);
        publishView(); // before answering, so a caller's next read of the book sees its own order
        answers.forEach(Runnable::run);
    }

    private void accept(Pending p, Place place, Instant now, List<Settlement> settlements, List<Runnable> answers) {
        PostResult escrowed;
        try {
            escrowed = p.escrow().join();
        } catch (CompletionException e) {
            place.result().completeExceptionally(e.getCause());
            return;
        }
        if (escrowed.replayed()) {
            // The same key raced in twice; the first placement is the order, answer with it once it settled.
            answers.add(() -> place.result().complete(new OrderResult(
                    store.orderByKey(book.pair.id(), place.request().clientKey()).orElseThrow(), true)));
            return;
        }
        Settlement settlement = book.place(p.order(), now);
        settlements.add(settlement);
        Order after = settlement.orders().getLast();
        answers.add(() -> place.result().complete(new OrderResult(after, false)));
    }

    private void cancel(Pending p, Cancel cancel, Instant now, List<Settlement> settlements, List<Runnable> answers) {
        Order order = book.live(cancel.orderId());
        if (order == null) {
            Order known = store.order(cancel.orderId()).filter(o -> o.pair().equals(book.pair.id())).orElse(null);
            if (known == null) {
                cancel.result().completeExceptionally(new dev.veltrix.core.error.NotFoundException(
                        "no order " + cancel.orderId() + " on " + book.pair.id()));
            } else if (cancel.player() != null && !known.player().equals(cancel.player())) {
                cancel.result().completeExceptionally(new dev.veltrix.core.error.ForbiddenException(
                        "order " + cancel.orderId() + " belongs to another player"));
            } else {
                // Already filled, cancelled or expired: cancelling again changes nothing.
                cancel.result().complete(new OrderResult(known, true));
            }
            return;
        }
        if (cancel.player() != null && !order.player().equals(cancel.player())) {
            cancel.result().completeExceptionally(new dev.veltrix.core.error.ForbiddenException(
                    "order " + cancel.orderId() + " belongs to another player"));
            return;
        }
        Settlement settlement = book.cancel(p.seq(), order, cancel.reason(), now);
        settlements.add(settlement);
        answers.add(() -> cancel.result().complete(new OrderResult(settlement.orders().getFirst(), false)));
    }

    /**
     * Commits settlements, all submitted at once so the ledger groups them. The book has already
     * moved, so a failed commit is retried until it lands; if the node dies first, the restart's
     * replay settles it.
     */
    private void commit(List<Settlement> settlements) {
        List<CompletableFuture<?>> commits = new ArrayList<>(settlements.size());
        for (Settlement s : settlements) {
            commits.add(CompletableFuture.runAsync(() -> commitOne(s), posters));
        }
        commits.forEach(CompletableFuture::join);
    }

    private void commitOne(Settlement s) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (s.legs().isEmpty()) {
                    store.writeSettlement(s);
                } else {
                    ledger.post("exchange:" + s.pair() + ":settle:" + s.inputSeq(), s.legs(), store.recordSettlement(s));
                }
                return;
            } catch (OverloadedException | IllegalStateException e) {
                if (!running && attempt > 3) {
                    LOG.error("exchange {}: settlement of input {} not committed; the next start settles it",
                            s.pair(), s.inputSeq(), e);
                    return;
                }
                sleep(Math.min(1_000, 10L * attempt));
            } catch (VeltrixException e) {
                throw new IllegalStateException("settlement of " + s.pair() + " input " + s.inputSeq()
                        + " was refused, which escrow rules out: " + e.getMessage(), e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishView() {
        MatchingEngine engine = book.engine();
        view = new BookView(book.pair.id(), engine.bestBid(), engine.bestAsk(),
                engine.depth(OrderSide.BUY, BookView.DEPTH_MAX), engine.depth(OrderSide.SELL, BookView.DEPTH_MAX),
                clock.instant());
    }

    /** Reads the book between rounds (rounds hold the desk's monitor). */
    private synchronized <T> T call(java.util.function.Supplier<T> read) {
        return read.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        posters.close();
    }
}
