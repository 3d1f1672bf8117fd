package dev.veltrix.economy.market.sql;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The shop's tables and columns as jOOQ names (see db/market migrations). */
final class MarketTables {
    static final Table<Record> ITEMS = table(name("market_items"));
    static final Field<String> IT_ID = field(name("id"), String.class);
    static final Field<String> IT_NAME = field(name("name"), String.class);
    static final Field<String> IT_CURRENCY = field(name("currency"), String.class);
    static final Field<String> IT_MODEL = field(name("model"), String.class);
    static final Field<Long> IT_BASE = field(name("base_price"), Long.class);
    static final Field<String> IT_SENSITIVITY = field(name("sensitivity"), String.class);
    static final Field<Long> IT_FLOOR = field(name("floor_price"), Long.class);
    static final Field<Long> IT_CEILING = field(name("ceiling_price"), Long.class);
    static final Field<Long> IT_STOCK = field(name("stock"), Long.class);
    static final Field<Integer> IT_HALF_LIFE = field(name("half_life_minutes"), Integer.class);
    static final Field<Integer> IT_SPREAD = field(name("spread_bps"), Integer.class);
    static final Field<Integer> IT_MAX_MOVE = field(name("max_move_percent"), Integer.class);
    static final Field<Integer> IT_WINDOW = field(name("window_minutes"), Integer.class);
    static final Field<Long> IT_DAILY_BUY = field(name("daily_buy_limit"), Long.class);
    static final Field<Long> IT_DAILY_SELL = field(name("daily_sell_limit"), Long.class);
    static final Field<Integer> IT_BUYS_BACK = field(name("buys_back"), Integer.class);
    static final Field<Long> IT_UPDATED_AT = field(name("updated_at"), Long.class);

    static final Table<Record> TRADES = table(name("market_trades"));
    static final Field<String> TD_ID = field(name("id"), String.class);
    static final Field<String> TD_KEY = field(name("request_key"), String.class);
    static final Field<String> TD_ITEM = field(name("item"), String.class);
    static final Field<String> TD_PLAYER = field(name("player"), String.class);
    static final Field<String> TD_SIDE = field(name("side"), String.class);
    static final Field<Long> TD_QUANTITY = field(name("quantity"), Long.class);
    static final Field<Long> TD_TOTAL = field(name("total"), Long.class);
    static final Field<String> TD_CURRENCY = field(name("currency"), String.class);
    static final Field<Long> TD_PRICE_AFTER = field(name("price_after"), Long.class);
    static final Field<Long> TD_WITHHELD = field(name("withheld"), Long.class);
    static final Field<Long> TD_AT = field(name("traded_at"), Long.class);

    static final Table<Record> CANDLES = table(name("market_candles"));
    static final Field<String> CA_ITEM = field(name("item"), String.class);
    static final Field<Long> CA_START = field(name("bucket_start"), Long.class);
    static final Field<Long> CA_OPEN = field(name("open_price"), Long.class);
    static final Field<Long> CA_HIGH = field(name("high_price"), Long.class);
    static final Field<Long> CA_LOW = field(name("low_price"), Long.class);
    static final Field<Long> CA_CLOSE = field(name("close_price"), Long.class);
    static final Field<Long> CA_VOLUME = field(name("volume"), Long.class);
    // Qualified, for the upsert's update clause, where PostgreSQL would find the bare names ambiguous.
    static final Field<Long> CA_HIGH_NOW = field(name("market_candles", "high_price"), Long.class);
    static final Field<Long> CA_LOW_NOW = field(name("market_candles", "low_price"), Long.class);
    static final Field<Long> CA_VOLUME_NOW = field(name("market_candles", "volume"), Long.class);

    private MarketTables() {
    }
}
