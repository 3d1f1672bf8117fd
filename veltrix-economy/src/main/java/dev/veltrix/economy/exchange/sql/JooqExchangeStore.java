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
import dev.veltrix.economy.ledger.Transfer;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SchemaModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public SameTransaction recordPlace(Order order) {
        return new PlaceRows(order);
    }

    @Override
    public SameTransaction recordSettlement(Settlement settlement) {
        return new SettlementRows(settlement);
    }

    @Override
    public void writeSettlement(Settlement settlement) {
        database.inTransaction(tx -> {
            SETTLEMENTS.writeAll(tx, List.of(new SettlementRows(settlement)));
            return null;
        });
    }

    /** A new order's row, written with its escrow. */
    private record PlaceRows(Order order) implements SqlEffect {
        @Override
        public void write(DSLContext tx, List<Transfer> posted) {
            PLACES.writeAll(tx, List.of(this));
        }

        @Override
        public GroupWriter groupWriter() {
            return PLACES;
        }
    }

    /** What one input did, written with the money it moved. */
    private record SettlementRows(Settlement settlement) implements SqlEffect {
        @Override
        public void write(DSLContext tx, List<Transfer> posted) {
            SETTLEMENTS.writeAll(tx, List.of(this));
        }

        @Override
        public GroupWriter groupWriter() {
            return SETTLEMENTS;
        }
    }

    private static final SqlEffect.GroupWriter PLACES = (tx, effects) -> {
        RowInserter rows = new RowInserter(ORDERS, List.of(OR_ID, OR_PAIR, OR_SEQ, OR_PLAYER, OR_SIDE, OR_TYPE, OR_PRICE,
                OR_QUANTITY, OR_MAX_TOTAL, OR_FILLED, OR_SPENT, OR_STATUS, OR_KEY, OR_CREATED, OR_EXPIRES, OR_SETTLED));
        for (SqlEffect effect : effects) {
            Order o = ((PlaceRows) effect).order();
            rows.add(o.id().toString(), o.pair(), o.seq(), o.player().toString(), o.side().name(), o.type().name(),
                    o.price(), o.quantity(), o.maxTotal(), o.filled(), o.spent(), o.status().name(), o.clientKey(),
                    o.createdAt().toEpochMilli(), o.expiresAt() == null ? null : o.expiresAt().toEpochMilli(), 0);
        }
        rows.execute(tx);
    };

    /**
     * A group's settlements in a few statements: each changed order's latest state in one batch of
     * updates (a maker filled by several inputs ends in its last state), the settled inputs marked per
     * pair, cancels and trades as multi-row inserts.
     */
    private static final SqlEffect.GroupWriter SETTLEMENTS = (tx, effects) -> {
        Map<UUID, Order> latest = new LinkedHashMap<>();
        Map<String, List<Long>> settledPlaces = new LinkedHashMap<>();
        RowInserter cancels = new RowInserter(CANCELS, List.of(CA_PAIR, CA_SEQ, CA_ORDER_SEQ, CA_REASON, CA_AT));
        RowInserter trades = new RowInserter(TRADES, List.of(TR_PAIR, TR_SEQ, TR_PRICE, TR_QUANTITY, TR_BUY_ORDER,
                TR_SELL_ORDER, TR_BUYER, TR_SELLER, TR_TAKER_SIDE, TR_FEE, TR_AT));
        for (SqlEffect effect : effects) {
            Settlement s = ((SettlementRows) effect).settlement();
            for (Order o : s.orders()) {
                latest.remove(o.id());
                latest.put(o.id(), o);
            }
            if (s.cancel() == null) {
                settledPlaces.computeIfAbsent(s.pair(), p -> new ArrayList<>()).add(s.inputSeq());
            } else {
                cancels.add(s.pair(), s.cancel().seq(), s.cancel().orderSeq(), s.cancel().reason().name(),
                        s.cancel().at().toEpochMilli());
            }
            for (ExchangeTrade t : s.trades()) {
                trades.add(t.pair(), t.seq(), t.price(), t.quantity(), t.buyOrder().toString(), t.sellOrder().toString(),
                        t.buyer().toString(), t.seller().toString(), t.takerSide().name(), t.fee(), t.at().toEpochMilli());
            }
        }
        if (!latest.isEmpty()) {
            var batch = tx.batch(tx.update(ORDERS).set(OR_FILLED, (Long) null).set(OR_SPENT, (Long) null)
                    .set(OR_STATUS, (String) null).where(OR_ID.eq((String) null)));
            for (Order o : latest.values()) {
                batch = batch.bind(o.filled(), o.spent(), o.status().name(), o.id().toString());
            }
            batch.execute();
        }
        settledPlaces.forEach((pair, seqs) -> {
            for (int from = 0; from < seqs.size(); from += 1_000) {
                tx.update(ORDERS).set(OR_SETTLED, 1).where(OR_PAIR.eq(pair))
                        .and(OR_SEQ.in(seqs.subList(from, Math.min(seqs.size(), from + 1_000)))).execute();
            }
        });
        cancels.execute(tx);
        trades.execute(tx);
    };
}
