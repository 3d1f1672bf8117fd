package dev.veltrix.economy.ledger.sql;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The ledger's tables and columns as jOOQ names (see db/economy migrations). */
final class LedgerTables {
    static final Table<Record> CURRENCIES = table(name("ledger_currencies"));
    static final Field<String> CUR_CODE = field(name("code"), String.class);
    static final Field<String> CUR_NAME = field(name("name"), String.class);
    static final Field<Integer> CUR_DECIMALS = field(name("decimals"), Integer.class);
    static final Field<Long> CUR_CREATED_AT = field(name("created_at"), Long.class);

    static final Table<Record> BALANCES = table(name("ledger_balances"));
    static final Field<String> BAL_ACCOUNT = field(name("account"), String.class);
    static final Field<String> BAL_CURRENCY = field(name("currency"), String.class);
    static final Field<Long> BAL_AMOUNT = field(name("balance"), Long.class);
    static final Field<String> BAL_LAST_TRANSFER = field(name("last_transfer"), String.class);

    static final Table<Record> TRANSFERS = table(name("ledger_transfers"));
    static final Field<String> TR_ID = field(name("ledger_transfers", "id"), String.class);
    static final Field<String> TR_POSTING = field(name("posting_id"), String.class);
    static final Field<Integer> TR_LEG = field(name("leg"), Integer.class);
    static final Field<String> TR_FROM = field(name("from_account"), String.class);
    static final Field<String> TR_TO = field(name("to_account"), String.class);
    static final Field<String> TR_CURRENCY = field(name("ledger_transfers", "currency"), String.class);
    static final Field<Long> TR_AMOUNT = field(name("amount"), Long.class);
    static final Field<String> TR_REFERENCE = field(name("reference"), String.class);
    static final Field<String> TR_METADATA = field(name("metadata"), String.class);
    static final Field<Long> TR_POSTED_AT = field(name("posted_at"), Long.class);
    /** The payer's transfer before this one in the same currency (null for its first): its history's next step. */
    static final Field<String> TR_PREV_FROM = field(name("prev_from"), String.class);
    /** The payee's transfer before this one in the same currency. */
    static final Field<String> TR_PREV_TO = field(name("prev_to"), String.class);

    static final Table<Record> IDEMPOTENCY = table(name("ledger_idempotency"));
    static final Field<String> IDEM_KEY = field(name("idem_key"), String.class);
    static final Field<String> IDEM_HASH = field(name("request_hash"), String.class);
    static final Field<String> IDEM_POSTING = field(name("posting_id"), String.class);
    static final Field<Long> IDEM_CREATED_AT = field(name("created_at"), Long.class);

    private LedgerTables() {
    }
}
