package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.BALANCES;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_ACCOUNT;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_AMOUNT;
import static dev.veltrix.economy.ledger.sql.LedgerTables.BAL_CURRENCY;

import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.TransferRequest;
import org.jooq.DSLContext;

/**
 * Moves balances with statements that cannot overdraw or overflow: every change is a conditional
 * UPDATE whose row count says whether it applied, so a refused leg has written nothing and the
 * database, not a cache, decides under concurrency (also between cluster nodes).
 */
final class BalanceWriter {
    private static final long LIMIT = TransferRequest.AMOUNT_MAX;

    private BalanceWriter() {
    }

    /** Takes {@code amount} from an account; false when a player lacks it or a system account hit its floor. */
    static boolean debit(DSLContext tx, AccountId account, String currency, long amount) {
        long floor = account.mayGoNegative() ? -LIMIT : 0;
        int updated = tx.update(BALANCES).set(BAL_AMOUNT, BAL_AMOUNT.minus(amount))
                .where(BAL_ACCOUNT.eq(account.value()).and(BAL_CURRENCY.eq(currency))
                        .and(BAL_AMOUNT.ge(floor + amount)))
                .execute();
        if (updated == 1) {
            return true;
        }
        // A system account seen for the first time starts at zero and may go below it.
        return account.mayGoNegative() && insertIfAbsent(tx, account, currency, -amount);
    }

    /** Adds {@code amount}; false only when the balance would pass the ceiling of 10^18. */
    static boolean credit(DSLContext tx, AccountId account, String currency, long amount) {
        int updated = tx.update(BALANCES).set(BAL_AMOUNT, BAL_AMOUNT.plus(amount))
                .where(BAL_ACCOUNT.eq(account.value()).and(BAL_CURRENCY.eq(currency))
                        .and(BAL_AMOUNT.le(LIMIT - amount)))
                .execute();
        return updated == 1 || insertIfAbsent(tx, account, currency, amount);
    }

    /** Reverses an applied change exactly, inside the same transaction. */
    static void undo(DSLContext tx, AccountId account, String currency, long appliedDelta) {
        tx.update(BALANCES).set(BAL_AMOUNT, BAL_AMOUNT.minus(appliedDelta))
                .where(BAL_ACCOUNT.eq(account.value()).and(BAL_CURRENCY.eq(currency)))
                .execute();
    }

    private static boolean insertIfAbsent(DSLContext tx, AccountId account, String currency, long balance) {
        return tx.insertInto(BALANCES, BAL_ACCOUNT, BAL_CURRENCY, BAL_AMOUNT)
                .values(account.value(), currency, balance)
                .onConflictDoNothing()
                .execute() == 1;
    }
}
