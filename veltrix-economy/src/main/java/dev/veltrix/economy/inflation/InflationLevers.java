package dev.veltrix.economy.inflation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veltrix.core.error.LimitedException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferPolicy;
import dev.veltrix.economy.ledger.TransferRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transfer-side levers: a tax on player-to-player transfers (paid by the sender to
 * system:tax, on top of the amount) and a daily cap on what a player receives from faucets
 * (system accounts other than the shop and the exchange, whose payments are trades, not income).
 */
public final class InflationLevers implements TransferPolicy {
    public static final AccountId TAX = new AccountId("system:tax");

    private final LedgerService ledger;
    private final Clock clock;
    private final EconomyPolicy policy;
    private final Set<AccountId> tradeAccounts;
    private final Cache<String, AtomicLong> received = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(25)).maximumSize(1_000_000).build();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong refusedAmount = new AtomicLong();

    public InflationLevers(LedgerService ledger, Clock clock, EconomyPolicy policy, Set<AccountId> tradeAccounts) {
        this.ledger = ledger;
        this.clock = clock;
        this.policy = policy;
        this.tradeAccounts = Set.copyOf(tradeAccounts);
    }

    @Override
    public List<TransferRequest> apply(List<TransferRequest> legs) {
        if (policy.faucetCapPerDay() > 0) {
            checkFaucetCaps(legs);
        }
        if (policy.transferTaxBps() == 0) {
            return legs;
        }
        List<TransferRequest> out = new ArrayList<>(legs);
        for (TransferRequest leg : legs) {
            if (leg.from().isPlayer() && leg.to().isPlayer()) {
                long tax = leg.amount() * policy.transferTaxBps() / 10_000;
                if (tax > 0) {
                    out.add(new TransferRequest(leg.from(), TAX, leg.currency(), tax, "tax", null));
                }
            }
        }
        return out;
    }

    private boolean isFaucet(TransferRequest leg) {
        return !leg.from().isPlayer() && leg.to().isPlayer() && !tradeAccounts.contains(leg.from());
    }

    private void checkFaucetCaps(List<TransferRequest> legs) {
        Instant now = clock.instant();
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        List<Runnable> undo = new ArrayList<>();
        for (TransferRequest leg : legs) {
            if (!isFaucet(leg)) {
                continue;
            }
            AtomicLong got = received.get(leg.to() + "|" + leg.currency() + "|" + day.toEpochMilli(),
                    k -> new AtomicLong(ledger.receivedFromSystemSince(leg.to(), leg.currency(), day, tradeAccounts)));
            synchronized (got) {
                if (got.get() + leg.amount() > policy.faucetCapPerDay()) {
                    undo.forEach(Runnable::run);
                    Instant reset = day.plus(Duration.ofDays(1));
                    throw new LimitedException("faucet-cap", leg.to() + " may receive at most " + policy.faucetCapPerDay()
                            + " " + leg.currency() + " per UTC day from rewards and grants (economy.faucet-cap-per-day) and has "
                            + got.get() + " today; the cap resets at " + reset, reset, now);
                }
                got.addAndGet(leg.amount());
                undo.add(() -> got.addAndGet(-leg.amount()));
            }
        }
    }

    @Override
    public void refused(List<TransferRequest> legs, RuntimeException reason) {
        if (reason instanceof LimitedException limited && limited.problemType().equals("faucet-cap")) {
            refused.incrementAndGet();
            refusedAmount.addAndGet(legs.stream().filter(this::isFaucet).mapToLong(TransferRequest::amount).sum());
        }
    }

    public EconomyPolicy policy() {
        return policy;
    }

    public long refused() {
        return refused.get();
    }

    public long refusedAmount() {
        return refusedAmount.get();
    }
}
