package dev.veltrix.commerce.crypto;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.Database;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * When a payment was first seen. The first answer for a payment is kept: asked again, with a later time
 * (its block, a rescan after downtime), it answers the time it gave first.
 */
public interface FirstSeen {

    /** The time {@code txId} paying {@code address} was first seen: {@code now} if this is the first time. */
    Instant firstSeen(String txId, String address, Instant now);

    /** Kept in memory: for tests and tools. */
    static FirstSeen inMemory() {
        Map<String, Instant> seen = new ConcurrentHashMap<>();
        return (txId, address, now) -> seen.computeIfAbsent(txId + "/" + address, key -> now);
    }

    /** Kept in the database, so a watcher restarting after downtime keeps the times it saw before. */
    static FirstSeen stored(Database database) {
        Table<Record> seenTable = table(name("commerce_payments_seen"));
        Field<String> txIdField = field(name("txid"), String.class);
        Field<String> addressField = field(name("address"), String.class);
        Field<Long> firstSeenField = field(name("first_seen"), Long.class);
        return (txId, address, now) -> database.inTransaction(tx -> {
            tx.insertInto(seenTable, txIdField, addressField, firstSeenField).values(txId, address, now.toEpochMilli())
                    .onConflictDoNothing().execute();
            return Instant.ofEpochMilli(tx.select(firstSeenField).from(seenTable)
                    .where(txIdField.eq(txId), addressField.eq(address)).fetchOne(firstSeenField));
        });
    }
}
