package dev.veltrix.economy.ledger;

import java.util.List;
import java.util.Optional;

/** Where the ledger keeps its books. One SQL adapter serves every supported database. */
public interface LedgerStore {

    /** Creates a currency; false when one with that code already exists. */
    boolean createCurrency(Currency currency);

    List<Currency> currencies();

    Optional<Currency> currency(String code);

    /**
     * Posts a group of postings in one transaction: each posting is applied whole or refused whole,
     * and each has exactly one outcome, in the order given. Throws only when the transaction itself
     * failed, in which case nothing of the group was written.
     */
    List<PostOutcome> post(List<Posting> group);

    /**
     * Completes once every group {@link #post} has committed so far is on disk. {@code post} may return before then
     * (SQLite: the log is synced on another thread while the next group is written); a posting is acknowledged only
     * when this completes.
     */
    default java.util.concurrent.CompletableFuture<Void> synced() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /**
     * How many calls of {@link #post} are worth running at once: a database server runs them side by side (they lock
     * the balances they change, in one order), SQLite has one writer at a time and a second would only wait for it.
     */
    int concurrentWriters();

    List<Balance> balances(AccountId account);

    /**
     * Up to {@code limit} of an account's transfers, newest first: from the newest when {@code from} is null, else where
     * that cursor points. The page's cursor is null when nothing older is left. A cursor naming transfers that are not
     * the account's is refused with a 400.
     */
    Page<Transfer> history(AccountId account, HistoryCursor from, int limit);

    /** Player accounts with the largest balances of a currency. */
    List<Balance> top(String currency, int limit);

    Supply supply(String currency);

    /**
     * Sums of a currency's transfers in [from, to), grouped by payer and payee with every player
     * folded into one "player" party: a few rows whatever the number of players.
     */
    List<PartySum> partySums(String currency, java.time.Instant from, java.time.Instant to);

    /** Transfers from {@code from} to {@code to} (a system account or "player") and their total. */
    record PartySum(String from, String to, long amount, long transfers) {
    }

    /** Every player's balance of a currency (for distribution measures such as the Gini coefficient). */
    long[] playerBalances(String currency);

    /** Whether a posting was made under this idempotency key. */
    boolean keyExists(String idempotencyKey);

    /**
     * What an account received of a currency since an instant from payers other than players and
     * the {@code exempt} accounts: the faucet income a daily cap counts.
     */
    long receivedFromSystemSince(AccountId account, String currency, java.time.Instant since, java.util.Set<AccountId> exempt);

    /** A system account's balance of a currency (0 when it never moved). */
    long balance(AccountId account, String currency);

    /** Every broken invariant of the books, described; empty when the books balance. */
    List<String> verify();
}
