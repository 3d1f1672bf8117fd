package dev.veltrix.economy.market.sql;

import static dev.veltrix.economy.market.sql.MarketTables.*;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.sum;

import dev.veltrix.economy.ledger.SameTransaction;
import dev.veltrix.economy.ledger.sql.SqlEffect;
import dev.veltrix.economy.market.Candle;
import dev.veltrix.economy.market.MarketItem;
import dev.veltrix.economy.market.MarketStore;
import dev.veltrix.economy.market.PriceModel;
import dev.veltrix.economy.market.Side;
import dev.veltrix.economy.market.Trade;
import dev.veltrix.economy.ledger.Transfer;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SchemaModule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The shop's items, trades and candles in SQL, for SQLite, PostgreSQL and MariaDB alike. */
public final class JooqMarketStore implements MarketStore {
    public static final SchemaModule SCHEMA = new SchemaModule("market");
    private static final long MINUTE = 60_000;

    private final Database database;
    private final Clock clock;

    public JooqMarketStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void saveItem(MarketItem item) {
        database.inTransaction(tx -> {
            tx.deleteFrom(ITEMS).where(IT_ID.eq(item.id())).execute();
            return tx.insertInto(ITEMS, IT_ID, IT_NAME, IT_CURRENCY, IT_MODEL, IT_BASE, IT_SENSITIVITY, IT_FLOOR,
                            IT_CEILING, IT_STOCK, IT_HALF_LIFE, IT_SPREAD, IT_MAX_MOVE, IT_WINDOW, IT_DAILY_BUY,
                            IT_DAILY_SELL, IT_BUYS_BACK, IT_UPDATED_AT)
                    .values(item.id(), item.name(), item.currency(), item.model().name(), item.basePrice(),
                            item.sensitivity().toPlainString(), item.floorPrice(), item.ceilingPrice(), item.stock(),
                            item.halfLifeMinutes(), item.spreadBps(), item.maxMovePercent(), item.windowMinutes(),
                            item.dailyBuyLimit(), item.dailySellLimit(), item.buysBack() ? 1 : 0, clock.millis())
                    .execute();
        });
    }

    @Override
    public List<MarketItem> items() {
        return database.dsl().selectFrom(ITEMS).orderBy(IT_ID).fetch(JooqMarketStore::item);
    }

    @Override
    public Optional<MarketItem> item(String id) {
        return database.dsl().selectFrom(ITEMS).where(IT_ID.eq(id)).fetchOptional(JooqMarketStore::item);
    }

    private static MarketItem item(Record r) {
        return new MarketItem(r.get(IT_ID), r.get(IT_NAME), r.get(IT_CURRENCY), PriceModel.valueOf(r.get(IT_MODEL)),
                r.get(IT_BASE), new BigDecimal(r.get(IT_SENSITIVITY)), r.get(IT_FLOOR), r.get(IT_CEILING),
                r.get(IT_STOCK), r.get(IT_HALF_LIFE), r.get(IT_SPREAD), r.get(IT_MAX_MOVE), r.get(IT_WINDOW),
                r.get(IT_DAILY_BUY), r.get(IT_DAILY_SELL), r.get(IT_BUYS_BACK) == 1);
    }

    @Override
    public List<Trade> tradesSince(String item, Instant since) {
        return database.dsl().selectFrom(TRADES).where(TD_ITEM.eq(item)).and(TD_AT.ge(since.toEpochMilli()))
                .orderBy(TD_AT).fetch(JooqMarketStore::trade);
    }

    @Override
    public List<Trade> recentTrades(String item, int limit) {
        return database.dsl().selectFrom(TRADES).where(TD_ITEM.eq(item)).orderBy(TD_AT.desc(), TD_ID.desc())
                .limit(limit).fetch(JooqMarketStore::trade);
    }

    @Override
    public Optional<Trade> tradeByKey(String requestKey) {
        return database.dsl().selectFrom(TRADES).where(TD_KEY.eq(requestKey)).fetchOptional(JooqMarketStore::trade);
    }

    private static Trade trade(Record r) {
        return new Trade(UUID.fromString(r.get(TD_ID)), r.get(TD_KEY), r.get(TD_ITEM), UUID.fromString(r.get(TD_PLAYER)),
                Side.valueOf(r.get(TD_SIDE)), r.get(TD_QUANTITY), r.get(TD_TOTAL), r.get(TD_CURRENCY),
                r.get(TD_PRICE_AFTER), r.get(TD_WITHHELD), Instant.ofEpochMilli(r.get(TD_AT)));
    }

    @Override
    public long tradedSince(UUID player, String item, Side side, Instant since) {
        BigDecimal total = database.dsl().select(coalesce(sum(TD_QUANTITY), BigDecimal.ZERO)).from(TRADES)
                .where(TD_PLAYER.eq(player.toString())).and(TD_ITEM.eq(item)).and(TD_SIDE.eq(side.name()))
                .and(TD_AT.ge(since.toEpochMilli())).fetchOne(0, BigDecimal.class);
        return total == null ? 0 : total.longValueExact();
    }

    @Override
    public long withheld(String currency, Instant from, Instant to) {
        BigDecimal total = database.dsl().select(coalesce(sum(TD_WITHHELD), BigDecimal.ZERO)).from(TRADES)
                .where(TD_CURRENCY.eq(currency)).and(TD_AT.ge(from.toEpochMilli())).and(TD_AT.lt(to.toEpochMilli()))
                .fetchOne(0, BigDecimal.class);
        return total == null ? 0 : total.longValueExact();
    }

    @Override
    public List<Candle> minuteCandles(String item, Instant from, Instant to) {
        return database.dsl().selectFrom(CANDLES).where(CA_ITEM.eq(item))
                .and(CA_START.ge(from.toEpochMilli() / MINUTE * MINUTE)).and(CA_START.lt(to.toEpochMilli()))
                .orderBy(CA_START)
                .fetch(r -> new Candle(Instant.ofEpochMilli(r.get(CA_START)), r.get(CA_OPEN), r.get(CA_HIGH),
                        r.get(CA_LOW), r.get(CA_CLOSE), r.get(CA_VOLUME)));
    }

    @Override
    public SameTransaction record(Trade trade) {
        return new TradeRows(trade);
    }

    /** A trade's rows: its record and its share of a one-minute candle. */
    private record TradeRows(Trade trade) implements SqlEffect {
        @Override
        public void write(DSLContext tx, List<Transfer> posted) {
            WRITER.writeAll(tx, List.of(this));
        }

        @Override
        public GroupWriter groupWriter() {
            return WRITER;
        }
    }

    /** Writes a group's trades as multi-row inserts and folds them into one upsert per candle. */
    private static final SqlEffect.GroupWriter WRITER = (tx, effects) -> {
        RowInserter trades = new RowInserter(TRADES, List.of(TD_ID, TD_KEY, TD_ITEM, TD_PLAYER, TD_SIDE, TD_QUANTITY,
                TD_TOTAL, TD_CURRENCY, TD_PRICE_AFTER, TD_WITHHELD, TD_AT));
        Map<String, long[]> candles = new LinkedHashMap<>(); // "item|minute" -> open, high, low, close, volume
        for (SqlEffect effect : effects) {
            Trade t = ((TradeRows) effect).trade();
            trades.add(t.id().toString(), t.requestKey(), t.item(), t.player().toString(), t.side().name(), t.quantity(),
                    t.total(), t.currency(), t.priceAfter(), t.withheld(), t.at().toEpochMilli());
            long start = t.at().toEpochMilli() / MINUTE * MINUTE;
            long price = t.priceAfter();
            long[] c = candles.computeIfAbsent(t.item() + "|" + start, k -> new long[] {price, price, price, price, 0});
            c[1] = Math.max(c[1], price);
            c[2] = Math.min(c[2], price);
            c[3] = price;
            c[4] += t.quantity();
        }
        trades.execute(tx);
        candles.forEach((key, c) -> {
            int bar = key.lastIndexOf('|');
            upsertCandle(tx, key.substring(0, bar), Long.parseLong(key.substring(bar + 1)), c);
        });
    };

    /** Folds a group's prices of one item and minute into that minute's candle: one statement. */
    private static void upsertCandle(DSLContext tx, String item, long start, long[] c) {
        tx.insertInto(CANDLES, CA_ITEM, CA_START, CA_OPEN, CA_HIGH, CA_LOW, CA_CLOSE, CA_VOLUME)
                .values(item, start, c[0], c[1], c[2], c[3], c[4])
                .onConflict(CA_ITEM, CA_START).doUpdate()
                .set(CA_HIGH, greatest(CA_HIGH_NOW, org.jooq.impl.DSL.val(c[1])))
                .set(CA_LOW, least(CA_LOW_NOW, org.jooq.impl.DSL.val(c[2])))
                .set(CA_CLOSE, c[3])
                .set(CA_VOLUME, CA_VOLUME_NOW.plus(c[4]))
                .execute();
    }
}
