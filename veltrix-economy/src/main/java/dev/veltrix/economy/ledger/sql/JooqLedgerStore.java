package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Balance;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.HistoryCursor;
import dev.veltrix.economy.ledger.LedgerStore;
import dev.veltrix.economy.ledger.Page;
import dev.veltrix.economy.ledger.PostOutcome;
import dev.veltrix.economy.ledger.Posting;
import dev.veltrix.economy.ledger.Supply;
import dev.veltrix.economy.ledger.Transfer;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.jooq.DSLContext;
import org.jooq.Field;

/** The ledger's books in SQL, for SQLite, PostgreSQL and MariaDB alike. */
public final class JooqLedgerStore implements LedgerStore {
    public static final SchemaModule SCHEMA = new SchemaModule("economy");
    private static final int RACED_INSERT_ATTEMPTS = 3;

    private final Database database;
    private final Clock clock;
    private final PostingWriter writer;
    private final LedgerCodec codec;

    public JooqLedgerStore(Database database, Clock clock, ObjectMapper json) {
        this.database = database;
        this.clock = clock;
        this.writer = new PostingWriter(clock, json);
        this.codec = new LedgerCodec(json);
    }

    @Override
    public boolean createCurrency(Currency currency) {
        return database.inTransaction(tx -> {
            boolean created = tx.insertInto(CURRENCIES, CUR_CODE, CUR_NAME, CUR_DECIMALS, CUR_CREATED_AT)
                    .values(currency.code(), currency.name(), currency.decimals(), clock.millis())
                    .onConflictDoNothing()
                    .execute() == 1;
            if (created) {
                Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), "currency.created", currency.code(),
                        clock.instant(), "economy", codec.currencyPayload(currency))));
            }
            return created;
        });
    }

    @Override
    public List<Currency> currencies() {
        return database.dsl().select(CUR_CODE, CUR_NAME, CUR_DECIMALS).from(CURRENCIES).orderBy(CUR_CODE)
                .fetch(r -> new Currency(r.get(CUR_CODE), r.get(CUR_NAME), r.get(CUR_DECIMALS)));
    }

    @Override
    public Optional<Currency> currency(String code) {
        return database.dsl().select(CUR_CODE, CUR_NAME, CUR_DECIMALS).from(CURRENCIES).where(CUR_CODE.eq(code))
                .fetchOptional(r -> new Currency(r.get(CUR_CODE), r.get(CUR_NAME), r.get(CUR_DECIMALS)));
    }

    /**
     * Another writer (of this node or another) may insert a row this group inserts too: the first balance of a new
     * account, or a key resent while its first try is still in flight. The group's insert then waits for that writer
     * and fails once it commits; the group rolled back whole, so it runs again, and now reads that row.
     */
    @Override
    public List<PostOutcome> post(List<Posting> group) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inPipelinedTransaction(tx -> writer.apply(tx, group));
            } catch (RuntimeException e) {
                if (attempt >= RACED_INSERT_ATTEMPTS || database.kind() == SqlKind.SQLITE || !database.kind().isDuplicateKey(e)) {
                    throw e; // SQLite has one writer: a duplicate there is no race and would only repeat
                }
            }
        }
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> synced() {
        return database.synced();
    }

    @Override
    public int concurrentWriters() {
        return database.kind() == SqlKind.SQLITE ? 1 : Integer.MAX_VALUE;
    }

    @Override
    public List<Balance> balances(AccountId account) {
        return database.dsl().select(BAL_CURRENCY, BAL_AMOUNT).from(BALANCES).where(BAL_ACCOUNT.eq(account.value()))
                .orderBy(BAL_CURRENCY)
                .fetch(r -> new Balance(account, r.get(BAL_CURRENCY), r.get(BAL_AMOUNT)));
    }

    @Override
    public Page<Transfer> history(AccountId account, HistoryCursor from, int limit) {
        DSLContext dsl = database.dsl();
        boolean fromCaller = from != null;
        SortedMap<String, String> heads = fromCaller ? from.heads() : TransferChains.heads(dsl, account);
        TransferChains.Walk walk = TransferChains.walk(dsl, codec, account, heads, limit, fromCaller);
        return new Page<>(List.copyOf(walk.transfers()), walk.heads().isEmpty() ? null : new HistoryCursor(walk.heads()).text());
    }

    @Override
    public List<Balance> top(String currency, int limit) {
        return database.dsl().select(BAL_ACCOUNT, BAL_AMOUNT).from(BALANCES)
                .where(BAL_CURRENCY.eq(currency).and(BAL_ACCOUNT.like("player:%")).and(BAL_AMOUNT.gt(0L)))
                .orderBy(BAL_AMOUNT.desc(), BAL_ACCOUNT)
                .limit(limit)
                .fetch(r -> new Balance(new AccountId(r.get(BAL_ACCOUNT)), currency, r.get(BAL_AMOUNT)));
    }

    @Override
    public Supply supply(String currency) {
        var players = BAL_ACCOUNT.like("player:%");
        var row = database.dsl().select(
                        coalesce(sum(BAL_AMOUNT).filterWhere(players), BigDecimal.ZERO),
                        count().filterWhere(players.and(BAL_AMOUNT.gt(0L))),
                        coalesce(sum(BAL_AMOUNT).filterWhere(players.not()), BigDecimal.ZERO))
                .from(BALANCES).where(BAL_CURRENCY.eq(currency))
                .fetchOne();
        return new Supply(currency, row.value1().longValueExact(), row.value2(), row.value3().longValueExact());
    }

    @Override
    public List<PartySum> partySums(String currency, java.time.Instant from, java.time.Instant to) {
        // Inlined, not bound: PostgreSQL matches GROUP BY expressions textually, and $1 is not $8.
        var players = org.jooq.impl.DSL.inline("player:%");
        var player = org.jooq.impl.DSL.inline("player");
        Field<String> payer = org.jooq.impl.DSL.when(TR_FROM.like(players), player).otherwise(TR_FROM);
        Field<String> payee = org.jooq.impl.DSL.when(TR_TO.like(players), player).otherwise(TR_TO);
        // Transfer ids are UUIDv7, so the primary key is also a time index: no index on posted_at needed.
        return database.dsl().select(payer, payee, sum(TR_AMOUNT), count()).from(TRANSFERS)
                .where(TR_CURRENCY.eq(currency))
                .and(TR_ID.ge(UuidV7.floorOf(from.toEpochMilli()).toString()))
                .and(TR_ID.lt(UuidV7.floorOf(to.toEpochMilli()).toString()))
                .groupBy(payer, payee)
                .fetch(r -> new PartySum(r.value1(), r.value2(), r.value3().longValueExact(), r.value4()));
    }

    @Override
    public long[] playerBalances(String currency) {
        return database.dsl().select(BAL_AMOUNT).from(BALANCES).where(BAL_CURRENCY.eq(currency))
                .and(BAL_ACCOUNT.like("player:%")).fetch(BAL_AMOUNT).stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public boolean keyExists(String idempotencyKey) {
        return database.dsl().fetchExists(IDEMPOTENCY, IDEM_KEY.eq(idempotencyKey));
    }

    @Override
    public long receivedFromSystemSince(AccountId account, String currency, java.time.Instant since,
                                        java.util.Set<AccountId> exempt) {
        // Transfers are linked newest first and their ids are UUIDv7: the walk stops at the first one before the day.
        long total = 0;
        for (Transfer t : TransferChains.since(database.dsl(), codec, account, currency,
                UuidV7.floorOf(since.toEpochMilli()).toString())) {
            if (t.to().equals(account) && t.from().value().startsWith("system:") && !exempt.contains(t.from())) {
                total = Math.addExact(total, t.amount());
            }
        }
        return total;
    }

    @Override
    public long balance(AccountId account, String currency) {
        Long amount = database.dsl().select(BAL_AMOUNT).from(BALANCES).where(BAL_ACCOUNT.eq(account.value()))
                .and(BAL_CURRENCY.eq(currency)).fetchOne(BAL_AMOUNT);
        return amount == null ? 0 : amount;
    }

    @Override
    public List<String> verify() {
        try {
            // One snapshot: books checked while transfers post are never seen with half a transfer.
            return dev.veltrix.storage.Snapshot.read(database, c -> new LedgerInvariant().check(Database.dsl(c, database.kind())));
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException("the books could not be read: " + e.getMessage(), e);
        }
    }
}
