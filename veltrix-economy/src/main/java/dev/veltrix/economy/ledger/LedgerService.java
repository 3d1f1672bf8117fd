package dev.veltrix.economy.ledger;

import dev.veltrix.core.concurrent.GroupCommitter;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.OverloadedException;
import dev.veltrix.core.error.VeltrixException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ledger's front door: validates, then hands postings to the group committer and waits for
 * their outcome. Every value-moving call takes an idempotency key, so a caller that lost the answer
 * can ask again and get the first result without the money moving twice.
 */
public final class LedgerService implements AutoCloseable {
    public static final int LEGS_MAX = 100;
    /** Legs one posting of another economy feature may carry (an exchange sweep pays many makers). */
    public static final int FEATURE_LEGS_MAX = 5_000;
    public static final int KEY_LENGTH_MAX = 200;
    public static final int PAGE_LIMIT_MAX = 200;

    private final LedgerStore store;
    private final LedgerSettings settings;
    private final LedgerObserver observer;
    private final GroupCommitter<Posting, PostOutcome> committer;
    private volatile TransferPolicy policy = TransferPolicy.NONE;
    private final Map<String, Currency> currencies = new ConcurrentHashMap<>();
    // Rankings scan a currency's balances (no index on balance keeps transfers fast), so a ranking is
    // computed at most once per few seconds per currency and size; leaderboards may lag that much.
    private final Cache<String, List<Balance>> rankings = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    public LedgerService(LedgerStore store, LedgerSettings settings, LedgerObserver observer) {
        this.store = store;
        this.settings = settings;
        this.observer = observer;
        this.committer = new GroupCommitter<>("ledger", settings.groupSizeMax(), settings.queueCapacity(),
                Math.min(settings.writers(), store.concurrentWriters()), store::post,
                (postings, outcomes, nanos) -> observer.groupCommitted(postings.size(), postedTransfers(outcomes), nanos),
                store::synced);
    }

    private static int postedTransfers(List<PostOutcome> outcomes) {
        int transfers = 0;
        for (PostOutcome outcome : outcomes) {
            if (outcome instanceof PostOutcome.Posted posted && !posted.replayed()) {
                transfers += posted.transfers().size();
            }
        }
        return transfers;
    }

    public Currency createCurrency(Currency currency) {
        if (!store.createCurrency(currency)) {
            throw new ConflictException("currency-exists", "currency " + currency.code() + " already exists; "
                    + "currencies cannot be redefined, choose another code");
        }
        currencies.put(currency.code(), currency);
        return currency;
    }

    public List<Currency> currencies() {
        return store.currencies();
    }

    /** The currency with this code, or a 404 that says how to list the others. */
    public Currency currency(String code) {
        Currency found = currencies.get(code);
        if (found == null) {
            found = store.currency(code).orElseThrow(() -> new NotFoundException(
                    "no currency " + code + "; GET /api/v1/currencies lists the ones that exist"));
            currencies.put(code, found); // currencies are never removed, so caching them is safe
        }
        return found;
    }

    private boolean currencyExists(String code) {
        try {
            currency(code);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Sets the rules applied to transfers asked for through {@link #transfer} and {@link #batch}. */
    public void policy(TransferPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    /** Posts one transfer. */
    public PostResult transfer(String idempotencyKey, TransferRequest request) {
        return post(idempotencyKey, List.of(request), "", null, LEGS_MAX, true);
    }

    /** Posts legs atomically: all of them or none. */
    public PostResult batch(String idempotencyKey, List<TransferRequest> legs) {
        return post(idempotencyKey, legs, "transfers", null, LEGS_MAX, true);
    }

    /**
     * Posts legs atomically together with another feature's rows: the effect runs in the same
     * transaction, only if the legs are applied now (not on a replay of the key).
     */
    public PostResult post(String idempotencyKey, List<TransferRequest> legs, SameTransaction effect) {
        return post(idempotencyKey, legs, "transfers", effect, FEATURE_LEGS_MAX, false);
    }

    private PostResult post(String idempotencyKey, List<TransferRequest> legs, String listField, SameTransaction effect,
                            int legsMax, boolean applyPolicy) {
        List<FieldError> errors = new ArrayList<>();
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > KEY_LENGTH_MAX) {
            errors.add(new FieldError("Idempotency-Key", "send a unique key of 1.." + KEY_LENGTH_MAX
                    + " characters with every transfer; reuse it only to retry the same request"));
        }
        if (legs.isEmpty() || legs.size() > legsMax) {
            errors.add(new FieldError(listField, "must hold 1.." + legsMax + " transfers, got " + legs.size()));
        }
        for (int i = 0; i < legs.size() && i < legsMax; i++) {
            String prefix = listField.isEmpty() ? "" : listField + "[" + i + "].";
            TransferValidator.check(legs.get(i), prefix, this::currencyExists, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the transfer is invalid; nothing was posted", errors);
        }
        List<TransferRequest> toPost = applyPolicy ? applyPolicy(idempotencyKey, legs) : legs;
        PostOutcome outcome = await(committer.submit(new Posting(idempotencyKey, RequestHash.of(legs), toPost, effect)));
        return switch (outcome) {
            case PostOutcome.Posted posted -> new PostResult(posted.transfers().getFirst().postingId(),
                    posted.transfers(), posted.replayed());
            case PostOutcome.Refused refused -> {
                observer.refused(refused.reason().problemType());
                throw refused.reason();
            }
        };
    }

    /** The policy's legs; a refusal stands only for a new key, so a retry still gets its first result. */
    private List<TransferRequest> applyPolicy(String idempotencyKey, List<TransferRequest> legs) {
        try {
            return policy.apply(legs);
        } catch (VeltrixException refused) {
            if (store.keyExists(idempotencyKey)) {
                return legs; // already posted under this key: the ledger replays it (same request hash)
            }
            policy.refused(legs, refused);
            throw refused;
        }
    }

    private PostOutcome await(java.util.concurrent.CompletableFuture<PostOutcome> future) {
        try {
            return future.get(settings.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OverloadedException("the ledger did not answer within " + settings.timeoutMs()
                    + " ms; retry with the same Idempotency-Key to learn the outcome", 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ledger", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VeltrixException known) {
                throw known;
            }
            throw new IllegalStateException("the ledger could not commit: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public List<Balance> balances(AccountId account) {
        return store.balances(account);
    }

    /** One page of an account's transfers, newest first; {@code cursor} is the previous page's {@code nextCursor}. */
    public Page<Transfer> history(AccountId account, String cursor, int limit) {
        checkLimit(limit);
        return store.history(account, cursor == null || cursor.isEmpty() ? null : HistoryCursor.parse(cursor), limit);
    }

    public List<Balance> top(String currency, int limit) {
        checkLimit(limit);
        currency(currency);
        return rankings.get(currency + "/" + limit, key -> List.copyOf(store.top(currency, limit)));
    }

    public Supply supply(String currency) {
        currency(currency);
        return store.supply(currency);
    }

    /**
     * Where a currency flowed in [from, to): into the economy from system accounts (faucets), out to
     * them (sinks), and between players. {@code inside} names system accounts that only hold players'
     * money (an escrow), so moves into them are neither sunk nor issued.
     */
    public Flows flows(String currency, java.time.Instant from, java.time.Instant to, java.util.Set<AccountId> inside) {
        currency(currency);
        java.util.Set<String> in = new java.util.HashSet<>();
        in.add("player");
        inside.forEach(a -> in.add(a.value()));
        Map<String, Long> faucets = new java.util.TreeMap<>();
        Map<String, Long> sinks = new java.util.TreeMap<>();
        long volume = 0;
        long count = 0;
        for (LedgerStore.PartySum sum : store.partySums(currency, from, to)) {
            boolean fromInside = in.contains(sum.from());
            boolean toInside = in.contains(sum.to());
            if (fromInside && toInside) {
                volume += sum.amount();
            } else if (toInside) {
                faucets.merge(sum.from(), sum.amount(), Long::sum);
            } else if (fromInside) {
                sinks.merge(sum.to(), sum.amount(), Long::sum);
            }
            count += sum.transfers();
        }
        return new Flows(currency, faucets, sinks, volume, count);
    }

    /** Every player's balance of a currency, in no particular order. */
    public long[] playerBalances(String currency) {
        currency(currency);
        return store.playerBalances(currency);
    }

    public long balance(AccountId account, String currency) {
        return store.balance(account, currency);
    }

    /** Faucet income of an account since an instant: what it got from system accounts other than {@code exempt}. */
    public long receivedFromSystemSince(AccountId account, String currency, java.time.Instant since, java.util.Set<AccountId> exempt) {
        return store.receivedFromSystemSince(account, currency, since, exempt);
    }

    public List<String> verify() {
        return store.verify();
    }

    /** Postings waiting for the writer; exported as a metric. */
    public int queued() {
        return committer.queued();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > PAGE_LIMIT_MAX) {
            throw InvalidInputException.of("limit", "must be 1.." + PAGE_LIMIT_MAX + ", got " + limit);
        }
    }

    @Override
    public void close() {
        committer.close();
    }
}
