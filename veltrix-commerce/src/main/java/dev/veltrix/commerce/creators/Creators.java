package dev.veltrix.commerce.creators;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.commerce.catalog.Catalog;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.Page;
import dev.veltrix.economy.ledger.Transfer;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Creators and their share of the packages they made. A paid order credits each creator's ledger account
 * ({@code system:creator:<id>}) with their percentage of what the buyer paid for their packages, taken from
 * {@code system:store:revenue}; a refund takes it back. Fiat earnings are kept in a ledger currency of their own
 * ({@code fiat_usd}), so they never mix with game currency. Statements are the account's history as CSV; a payout
 * moves the amount out to {@code system:store:payouts} with the payment's transaction id.
 */
public final class Creators {
    public static final AccountId REVENUE = new AccountId("system:store:revenue");
    public static final AccountId PAYOUTS = new AccountId("system:store:payouts");
    private static final Table<Record> CREATORS = table(name("commerce_creators"));
    private static final Field<String> C_ID = field(name("id"), String.class);
    private static final Field<String> C_NAME = field(name("name"), String.class);
    private static final Field<Long> C_CREATED = field(name("created_at"), Long.class);
    private static final Table<Record> SHARES = table(name("commerce_package_creators"));
    private static final Field<String> S_PACKAGE = field(name("package_id"), String.class);
    private static final Field<String> S_CREATOR = field(name("creator_id"), String.class);
    private static final Field<Integer> S_PERCENT = field(name("percent"), Integer.class);

    private final Database database;
    private final Clock clock;
    private final LedgerService ledger;

    public Creators(Database database, Clock clock, LedgerService ledger) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
    }

    public record Creator(String id, String name) {
    }

    /** A package's creator and their percentage of its revenue. */
    public record Share(String packageId, String creatorId, int percent) {
    }

    public Creator put(String id, String name) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !Catalog.ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "1..40 lower-case letters, digits and -"));
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            errors.add(new FieldError("name", "1..80 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the creator was not saved", errors);
        }
        database.inTransaction(tx -> {
            if (tx.update(CREATORS).set(C_NAME, name).where(C_ID.eq(id)).execute() == 0) {
                tx.insertInto(CREATORS, C_ID, C_NAME, C_CREATED).values(id, name, clock.millis()).execute();
            }
            return null;
        });
        return new Creator(id, name);
    }

    public List<Creator> list() {
        return database.dsl().selectFrom(CREATORS).orderBy(C_ID).fetch(r -> new Creator(r.get(C_ID), r.get(C_NAME)));
    }

    public Creator creator(String id) {
        return database.dsl().selectFrom(CREATORS).where(C_ID.eq(id)).fetchOptional(r -> new Creator(r.get(C_ID), r.get(C_NAME)))
                .orElseThrow(() -> new NotFoundException("no creator " + id));
    }

    /** Gives a package's revenue share to a creator (percent 0 takes it away). Orders already paid keep what they credited. */
    public Optional<Share> share(String packageId, String creatorId, int percent) {
        if (percent < 0 || percent > 100) {
            throw InvalidInputException.of("percent", "0..100 percent of what buyers pay for the package");
        }
        creator(creatorId);
        Catalog.find(database.dsl(), packageId).orElseThrow(() -> new NotFoundException("no package " + packageId));
        database.inTransaction(tx -> {
            tx.deleteFrom(SHARES).where(S_PACKAGE.eq(packageId)).execute();
            if (percent > 0) {
                tx.insertInto(SHARES, S_PACKAGE, S_CREATOR, S_PERCENT).values(packageId, creatorId, percent).execute();
            }
            return null;
        });
        return percent == 0 ? Optional.empty() : Optional.of(new Share(packageId, creatorId, percent));
    }

    public static Optional<Share> shareOf(DSLContext tx, String packageId) {
        return tx.selectFrom(SHARES).where(S_PACKAGE.eq(packageId))
                .fetchOptional(r -> new Share(r.get(S_PACKAGE), r.get(S_CREATOR), r.get(S_PERCENT)));
    }

    public static AccountId account(String creatorId) {
        return new AccountId("system:creator:" + creatorId);
    }

    /** The ledger currency a store currency's earnings are kept in: {@code fiat_usd} for USD, a game currency as it is. */
    public static String ledgerCurrency(String storeCurrency) {
        return StorePackage.isFiat(storeCurrency) ? "fiat_" + storeCurrency.toLowerCase(java.util.Locale.ROOT) : storeCurrency;
    }

    /** Creates the fiat earnings currency the first time it is needed. */
    public void ensureCurrency(String storeCurrency) {
        String code = ledgerCurrency(storeCurrency);
        if (StorePackage.isFiat(storeCurrency) && ledger.currencies().stream().noneMatch(c -> c.code().equals(code))) {
            int digits = java.util.Currency.getInstance(storeCurrency).getDefaultFractionDigits();
            try {
                ledger.createCurrency(new Currency(code, storeCurrency + " owed to creators", Math.max(0, digits)));
            } catch (ConflictException raced) {
                // another node created it at the same moment: it exists, which is all that was wanted
            }
        }
    }

    /** What a creator is owed, in the store currency's minor units. */
    public long owed(String creatorId, String storeCurrency) {
        creator(creatorId);
        return ledger.balance(account(creatorId), ledgerCurrency(storeCurrency));
    }

    /**
     * Records a payout made outside Veltrix (a bank or crypto transfer): moves {@code amount} out of the creator's
     * account under the payment's transaction id, once per transaction id.
     */
    public long payout(String creatorId, String storeCurrency, long amount, String transactionId) {
        creator(creatorId);
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 120) {
            throw InvalidInputException.of("transactionId", "the payment's transaction id (bank reference or chain tx), 1..120 characters");
        }
        if (amount < 1) {
            throw InvalidInputException.of("amount", "a positive amount in minor units");
        }
        if (history(creatorId).stream().anyMatch(t -> "creator-payout".equals(t.reference())
                && transactionId.equals(t.metadata().get("transactionId")))) {
            return owed(creatorId, storeCurrency); // recorded before: the same payout is not taken twice
        }
        long owed = owed(creatorId, storeCurrency);
        if (amount > owed) {
            throw new dev.veltrix.core.error.RejectedException("more-than-owed", "creator " + creatorId + " is owed " + owed
                    + " minor units of " + storeCurrency + "; a payout of " + amount + " is more");
        }
        TransferRequest payout = new TransferRequest(account(creatorId), PAYOUTS, ledgerCurrency(storeCurrency), amount, "creator-payout",
                Map.of("transactionId", transactionId));
        // post, not transfer: a payout is no player's transfer, so no transfer tax or faucet cap applies.
        ledger.post("store:payout:" + creatorId + ":" + transactionId, List.of(payout), null);
        return owed(creatorId, storeCurrency);
    }

    /** The creator's statement as CSV: every earning, reversal and payout, oldest first, with the running balance. */
    public String statement(String creatorId, String storeCurrency) {
        creator(creatorId);
        String currency = ledgerCurrency(storeCurrency);
        List<Transfer> all = history(creatorId);
        StringBuilder csv = new StringBuilder("posted_at,kind,order,package,transaction_id,amount,balance\n");
        long balance = 0;
        AccountId me = account(creatorId);
        for (Transfer t : all.reversed()) {
            if (!t.currency().equals(currency)) {
                continue;
            }
            long signed = t.to().equals(me) ? t.amount() : -t.amount();
            balance += signed;
            csv.append(t.postedAt()).append(',').append(t.reference()).append(',')
                    .append(t.metadata().getOrDefault("order", "")).append(',').append(t.metadata().getOrDefault("package", "")).append(',')
                    .append(csv(t.metadata().getOrDefault("transactionId", ""))).append(',')
                    .append(java.math.BigDecimal.valueOf(signed, decimals(storeCurrency)).toPlainString()).append(',')
                    .append(java.math.BigDecimal.valueOf(balance, decimals(storeCurrency)).toPlainString()).append('\n');
        }
        return csv.toString();
    }

    /** The creator account's transfers, newest first. */
    private List<Transfer> history(String creatorId) {
        List<Transfer> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Transfer> page = ledger.history(account(creatorId), cursor, LedgerService.PAGE_LIMIT_MAX);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static int decimals(String storeCurrency) {
        return StorePackage.isFiat(storeCurrency) ? Math.max(0, java.util.Currency.getInstance(storeCurrency).getDefaultFractionDigits()) : 0;
    }

    /** A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula character is neutralised. */
    static String csv(String value) {
        String v = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return v.matches(".*[,\"\\r\\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
