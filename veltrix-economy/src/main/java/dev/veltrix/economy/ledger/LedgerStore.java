package dev.veltrix.economy.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    List<Balance> balances(AccountId account);

    /** An account's transfers, newest first, starting after {@code afterTransferId} when it is given. */
    List<Transfer> history(AccountId account, UUID afterTransferId, int limit);

    /** Player accounts with the largest balances of a currency. */
    List<Balance> top(String currency, int limit);

    Supply supply(String currency);

    /** Every broken invariant of the books, described; empty when the books balance. */
    List<String> verify();
}
