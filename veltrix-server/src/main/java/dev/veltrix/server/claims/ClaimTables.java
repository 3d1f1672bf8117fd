package dev.veltrix.server.claims;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The claims' tables and columns as jOOQ names (see db/claims migrations). */
final class ClaimTables {
    static final Table<Record> WORLDS = table(name("claim_worlds"));
    static final Field<String> W_ID = field(name("id"), String.class);
    static final Field<String> W_NAME = field(name("name"), String.class);
    static final Field<String> W_GROUP = field(name("grp"), String.class);
    static final Field<Long> W_CREATED = field(name("created_at"), Long.class);

    static final Table<Record> CLAIMS = table(name("claims"));
    static final Field<String> C_ID = field(name("id"), String.class);
    static final Field<String> C_WORLD = field(name("world"), String.class);
    static final Field<String> C_OWNER = field(name("owner"), String.class);
    static final Field<String> C_PARENT = field(name("parent"), String.class);
    static final Field<Integer> C_RESTRICTED = field(name("restricted"), Integer.class);
    static final Field<Long> C_CREATED = field(name("created_at"), Long.class);

    // Box columns, shared by worlds (their bounds) and claims.
    static final Field<Integer> MIN_X = field(name("min_x"), Integer.class);
    static final Field<Integer> MIN_Y = field(name("min_y"), Integer.class);
    static final Field<Integer> MIN_Z = field(name("min_z"), Integer.class);
    static final Field<Integer> MAX_X = field(name("max_x"), Integer.class);
    static final Field<Integer> MAX_Y = field(name("max_y"), Integer.class);
    static final Field<Integer> MAX_Z = field(name("max_z"), Integer.class);

    static final Table<Record> TRUST = table(name("claim_trust"));
    static final Field<String> T_CLAIM = field(name("claim_id"), String.class);
    static final Field<String> T_SUBJECT = field(name("subject"), String.class);
    static final Field<String> T_TRUST = field(name("trust"), String.class);

    static final Table<Record> FLAGS = table(name("claim_flags"));
    static final Field<String> F_CLAIM = field(name("claim_id"), String.class);
    static final Field<String> F_FLAG = field(name("flag"), String.class);
    static final Field<Integer> F_VALUE = field(name("flag_value"), Integer.class);

    static final Table<Record> PLAYERS = table(name("claim_players"));
    static final Field<String> P_PLAYER = field(name("player"), String.class);
    static final Field<Long> P_ACCRUED = field(name("accrued"), Long.class);
    static final Field<Long> P_BONUS = field(name("bonus"), Long.class);
    static final Field<Long> P_LOST = field(name("lost"), Long.class);
    static final Field<Long> P_LAST_ACTIVE = field(name("last_active"), Long.class);
    static final Field<String> P_GROUPS = field(name("grps"), String.class);

    static final Table<Record> ACCRUALS = table(name("claim_accruals"));
    static final Field<String> A_KEY = field(name("report_key"), String.class);
    static final Field<String> A_PLAYER = field(name("player"), String.class);
    static final Field<Integer> A_MINUTES = field(name("minutes"), Integer.class);
    static final Field<Long> A_AT = field(name("at"), Long.class);

    static final Table<Record> ARCHIVE = table(name("claim_archive"));
    static final Field<String> AR_ID = field(name("id"), String.class);
    static final Field<String> AR_OWNER = field(name("owner"), String.class);
    static final Field<String> AR_WORLD = field(name("world"), String.class);
    static final Field<String> AR_STATE = field(name("state"), String.class);
    static final Field<Long> AR_EXPIRED = field(name("expired_at"), Long.class);

    static final Table<Record> WARNINGS = table(name("claim_expiry_warnings"));
    static final Field<String> WA_OWNER = field(name("owner"), String.class);
    static final Field<Integer> WA_LEAD = field(name("lead_days"), Integer.class);
    static final Field<Long> WA_LAST_ACTIVE = field(name("last_active"), Long.class);
    static final Field<Long> WA_SENT = field(name("sent_at"), Long.class);

    private ClaimTables() {
    }
}
