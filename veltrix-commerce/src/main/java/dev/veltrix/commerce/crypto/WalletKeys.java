package dev.veltrix.commerce.crypto;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.bitcoinj.base.BitcoinNetwork;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Wallet keys entered in the console, one per chain, kept in the database so every node of a cluster uses the
 * same (each notices a change within seconds). A key is checked ({@link WalletKey#parse}) before it is kept.
 */
public final class WalletKeys {
    private static final Table<Record> KEYS = table(name("commerce_wallet_keys"));
    private static final Field<String> CHAIN = field(name("chain"), String.class);
    private static final Field<String> KEY = field(name("account_key"), String.class);
    private static final Field<String> BY = field(name("updated_by"), String.class);
    private static final Field<Long> AT = field(name("updated_at"), Long.class);

    private final Database database;
    private final Clock clock;

    public WalletKeys(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Checks and keeps {@code text} as the chain's key; an unusable key is refused with what to export instead. */
    public WalletKey save(Chain chain, String text, String by) {
        WalletKey key = WalletKey.parse(chain, text == null ? "" : text.strip(), "0/*");
        String serialized = key.account().serializePubB58(BitcoinNetwork.MAINNET);
        long now = clock.millis();
        database.inTransaction(tx -> {
            if (tx.update(KEYS).set(KEY, serialized).set(BY, by).set(AT, now).where(CHAIN.eq(chain.name())).execute() == 0) {
                tx.insertInto(KEYS, CHAIN, KEY, BY, AT).values(chain.name(), serialized, by, now).execute();
            }
            return null;
        });
        return key;
    }

    /** The keys entered so far, by chain. */
    public Map<Chain, WalletKey> saved() {
        Map<Chain, WalletKey> keys = new EnumMap<>(Chain.class);
        database.dsl().selectFrom(KEYS).forEach(r -> keys.put(Chain.valueOf(r.get(CHAIN)), WalletKey.parse(Chain.valueOf(r.get(CHAIN)),
                r.get(KEY), "0/*")));
        return keys;
    }

    /** When a key last changed (0 before any), so a node can tell it must reload. */
    public long changedAt() {
        Long at = database.dsl().select(max(AT)).from(KEYS).fetchOne(0, Long.class);
        return at == null ? 0 : at;
    }
}
