package dev.veltrix.economy.exchange.sql;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The exchange's tables and columns as jOOQ names (see db/exchange migrations). */
final class ExchangeTables {
    static final Table<Record> PAIRS = table(name("exchange_pairs"));
    static final Field<String> PA_ID = field(name("id"), String.class);
    static final Field<String> PA_BASE = field(name("base"), String.class);
    static final Field<String> PA_QUOTE = field(name("quote"), String.class);
    static final Field<Long> PA_TICK = field(name("tick_size"), Long.class);
    static final Field<Long> PA_MIN = field(name("min_quantity"), Long.class);
    static final Field<Integer> PA_FEE = field(name("fee_bps"), Integer.class);

    static final Table<Record> ORDERS = table(name("exchange_orders"));
    static final Field<String> OR_ID = field(name("id"), String.class);
    static final Field<String> OR_PAIR = field(name("pair"), String.class);
    static final Field<Long> OR_SEQ = field(name("seq"), Long.class);
    static final Field<String> OR_PLAYER = field(name("player"), String.class);
    static final Field<String> OR_SIDE = field(name("side"), String.class);
    static final Field<String> OR_TYPE = field(name("order_type"), String.class);
    static final Field<Long> OR_PRICE = field(name("price"), Long.class);
    static final Field<Long> OR_QUANTITY = field(name("quantity"), Long.class);
    static final Field<Long> OR_MAX_TOTAL = field(name("max_total"), Long.class);
    static final Field<Long> OR_FILLED = field(name("filled"), Long.class);
    static final Field<Long> OR_SPENT = field(name("spent"), Long.class);
    static final Field<String> OR_STATUS = field(name("status"), String.class);
    static final Field<String> OR_KEY = field(name("client_key"), String.class);
    static final Field<Long> OR_CREATED = field(name("created_at"), Long.class);
    static final Field<Long> OR_EXPIRES = field(name("expires_at"), Long.class);
    static final Field<Integer> OR_SETTLED = field(name("settled"), Integer.class);

    static final Table<Record> CANCELS = table(name("exchange_cancels"));
    static final Field<String> CA_PAIR = field(name("pair"), String.class);
    static final Field<Long> CA_SEQ = field(name("seq"), Long.class);
    static final Field<Long> CA_ORDER_SEQ = field(name("order_seq"), Long.class);
    static final Field<String> CA_REASON = field(name("reason"), String.class);
    static final Field<Long> CA_AT = field(name("at"), Long.class);

    static final Table<Record> TRADES = table(name("exchange_trades"));
    static final Field<String> TR_PAIR = field(name("pair"), String.class);
    static final Field<Long> TR_SEQ = field(name("seq"), Long.class);
    static final Field<Long> TR_PRICE = field(name("price"), Long.class);
    static final Field<Long> TR_QUANTITY = field(name("quantity"), Long.class);
    static final Field<String> TR_BUY_ORDER = field(name("buy_order"), String.class);
    static final Field<String> TR_SELL_ORDER = field(name("sell_order"), String.class);
    static final Field<String> TR_BUYER = field(name("buyer"), String.class);
    static final Field<String> TR_SELLER = field(name("seller"), String.class);
    static final Field<String> TR_TAKER_SIDE = field(name("taker_side"), String.class);
    static final Field<Long> TR_FEE = field(name("fee"), Long.class);
    static final Field<Long> TR_AT = field(name("at"), Long.class);

    private ExchangeTables() {
    }
}
