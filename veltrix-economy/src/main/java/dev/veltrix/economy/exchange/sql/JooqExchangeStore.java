package dev.veltrix.economy.exchange.sql;

import static dev.veltrix.economy.exchange.sql.ExchangeTables.*;

import dev.veltrix.economy.exchange.ExchangeStore;
import dev.veltrix.economy.exchange.ExchangeTrade;
import dev.veltrix.economy.exchange.Order;
import dev.veltrix.economy.exchange.OrderSide;
import dev.veltrix.economy.exchange.OrderStatus;
import dev.veltrix.economy.exchange.OrderType;
import dev.veltrix.economy.exchange.Pair;
import dev.veltrix.economy.exchange.Settlement;
import dev.veltrix.economy.exchange.StoredInput;
import dev.veltrix.economy.ledger.SameTransaction;
import dev.veltrix.economy.ledger.sql.SqlEffect;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SchemaModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The exchange's pairs, inputs, orders and trades in SQL, for SQLite, PostgreSQL and MariaDB alike. */
public final class JooqExchangeStore implements ExchangeStore {
    public static final SchemaModule SCHEMA = new SchemaModule("exchange");

    private final Database database;

    public JooqExchangeStore(Database database) {
        this.database = database;
    }

    @Override
    public void savePair(Pair pair) {
        database.inTransaction(tx -> {
            tx.deleteFrom(PAIRS).where(PA_ID.eq(pair.id())).execute();
            return tx.insertInto(PAIRS, PA_ID, PA_BASE, PA_QUOTE, PA_TICK, PA_MIN, PA_FEE)
                    .values(pair.id(), pair.base(), pair.quote(), pair.tickSize(), pair.minQuantity(), pair.feeBps())
                    .execute();
        });
    }

    @Override
    public List<Pair> pairs() {
        return database.dsl().selectFrom(PAIRS).orderBy(PA_ID)
                .fetch(r -> new Pair(r.get(PA_BASE), r.get(PA_QUOTE), r.get(PA_TICK), r.get(PA_MIN), r.get(PA_FEE)));
    }

    @Override
    public List<StoredInput> inputs(String pair) {
        DSLContext dsl = database.dsl();
        List<StoredInput> inputs = new ArrayList<>();
        dsl.selectFrom(ORDERS).where(OR_PAIR.eq(pair)).fetch()
                .forEach(r -> inputs.add(new StoredInput.Place(order(r), r.get(OR_SETTLED) == 1)));
        dsl.selectFrom(CANCELS).where(CA_PAIR.eq(pair)).fetch()
                .forEach(r -> inputs.add(new StoredInput.Cancel(r.get(CA_SEQ), r.get(CA_ORDER_SEQ),
                        OrderStatus.valueOf(r.get(CA_REASON)), Instant.ofEpochMilli(r.get(CA_AT)))));
        inputs.sort(Comparator.comparingLong(StoredInput::seq));
        return inputs;
    }

    @Override
    public Optional<Order> order(UUID id) {
        return database.dsl().selectFrom(ORDERS).where(OR_ID.eq(id.toString())).fetchOptional(JooqExchangeStore::order);
    }

    @Override
    public Optional<Order> orderByKey(String pair, String clientKey) {
        return database.dsl().selectFrom(ORDERS).where(OR_PAIR.eq(pair)).and(OR_KEY.eq(clientKey))
                .fetchOptional(JooqExchangeStore::order);
    }

    @Override
    public List<Order> orders(String pair, UUID player, int limit) {
        return database.dsl().selectFrom(ORDERS).where(OR_PAIR.eq(pair)).and(OR_PLAYER.eq(player.toString()))
                .orderBy(OR_SEQ.desc()).limit(limit).fetch(JooqExchangeStore::order);
    }

    @Override
    public List<ExchangeTrade> trades(String pair, int limit) {
        return database.dsl().selectFrom(TRADES).where(TR_PAIR.eq(pair)).orderBy(TR_SEQ.desc()).limit(limit)
                .fetch(r -> new ExchangeTrade(r.get(TR_PAIR), r.get(TR_SEQ), r.get(TR_PRICE), r.get(TR_QUANTITY),
                        UUID.fromString(r.get(TR_BUY_ORDER)), UUID.fromString(r.get(TR_SELL_ORDER)),
                        UUID.fromString(r.get(TR_BUYER)), UUID.fromString(r.get(TR_SELLER)),
                        OrderSide.valueOf(r.get(TR_TAKER_SIDE)), r.get(TR_FEE), Instant.ofEpochMilli(r.get(TR_AT))));
    }

    private static Order order(Record r) {
        Long expires = r.get(OR_EXPIRES);
        return new Order(UUID.fromString(r.get(OR_ID)), r.get(OR_PAIR), r.get(OR_SEQ), UUID.fromString(r.get(OR_PLAYER)),
                OrderSide.valueOf(r.get(OR_SIDE)), OrderType.valueOf(r.get(OR_TYPE)), r.get(OR_PRICE), r.get(OR_QUANTITY),
                r.get(OR_MAX_TOTAL), r.get(OR_FILLED), r.get(OR_SPENT), OrderStatus.valueOf(r.get(OR_STATUS)),
                r.get(OR_KEY), Instant.ofEpochMilli(r.get(OR_CREATED)), expires == null ? null : Instant.ofEpochMilli(expires));
    }

    @Override
    public SameTransaction recordPlace(Order o) {
        return (SqlEffect) (tx, posted) -> tx.insertInto(ORDERS, OR_ID, OR_PAIR, OR_SEQ, OR_PLAYER, OR_SIDE, OR_TYPE,
                        OR_PRICE, OR_QUANTITY, OR_MAX_TOTAL, OR_FILLED, OR_SPENT, OR_STATUS, OR_KEY, OR_CREATED, OR_EXPIRES,
                        OR_SETTLED)
                .values(o.id().toString(), o.pair(), o.seq(), o.player().toString(), o.side().name(), o.type().name(),
                        o.price(), o.quantity(), o.maxTotal(), o.filled(), o.spent(), o.status().name(), o.clientKey(),
                        o.createdAt().toEpochMilli(), o.expiresAt() == null ? null : o.expiresAt().toEpochMilli(), 0)
                .execute();
    }

    @Override
    public SameTransaction recordSettlement(Settlement settlement) {
        return (SqlEffect) (tx, posted) -> write(tx, settlement);
    }

    @Override
    public void writeSettlement(Settlement settlement) {
        database.inTransaction(tx -> {
            write(tx, settlement);
            return null;
        });
    }

    private static void write(DSLContext tx, Settlement s) {
        for (Order o : s.orders()) {
            tx.update(ORDERS).set(OR_FILLED, o.filled()).set(OR_SPENT, o.spent()).set(OR_STATUS, o.status().name())
                    .where(OR_ID.eq(o.id().toString())).execute();
        }
        if (s.cancel() == null) {
            tx.update(ORDERS).set(OR_SETTLED, 1).where(OR_PAIR.eq(s.pair())).and(OR_SEQ.eq(s.inputSeq())).execute();
        } else {
            tx.insertInto(CANCELS, CA_PAIR, CA_SEQ, CA_ORDER_SEQ, CA_REASON, CA_AT)
                    .values(s.pair(), s.cancel().seq(), s.cancel().orderSeq(), s.cancel().reason().name(),
                            s.cancel().at().toEpochMilli())
                    .execute();
        }
        if (!s.trades().isEmpty()) {
            RowInserter rows = new RowInserter(TRADES, List.of(TR_PAIR, TR_SEQ, TR_PRICE, TR_QUANTITY, TR_BUY_ORDER,
                    TR_SELL_ORDER, TR_BUYER, TR_SELLER, TR_TAKER_SIDE, TR_FEE, TR_AT));
            for (ExchangeTrade t : s.trades()) {
                rows.add(t.pair(), t.seq(), t.price(), t.quantity(), t.buyOrder().toString(), t.sellOrder().toString(),
                        t.buyer().toString(), t.seller().toString(), t.takerSide().name(), t.fee(), t.at().toEpochMilli());
            }
            rows.execute(tx);
        }
    }
}
