package dev.veltrix.storage.lease;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.Database;
import java.time.Clock;
import java.time.Duration;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Time-bound leases in the database, so that a job which must run once in a cluster (the outbox
 * relay, expiry sweeps, chain watchers) runs on exactly one node, and moves when that node dies.
 */
public final class Leases {
    private static final Table<Record> LEASES = table(name("leases"));
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> HOLDER = field(name("holder"), String.class);
    private static final Field<Long> EXPIRES_AT = field(name("expires_at"), Long.class);

    private final Database database;
    private final Clock clock;

    public Leases(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease for {@code ttl}. True when {@code holder} now holds it: it was free,
     * expired, or already {@code holder}'s.
     */
    public boolean tryAcquire(String lease, String holder, Duration ttl) {
        long now = clock.millis();
        long expiresAt = now + ttl.toMillis();
        return database.inTransaction(tx -> {
            int inserted = tx.insertInto(LEASES, NAME, HOLDER, EXPIRES_AT).values(lease, holder, expiresAt)
                    .onConflictDoNothing().execute();
            if (inserted == 1) {
                return true;
            }
            return tx.update(LEASES).set(HOLDER, holder).set(EXPIRES_AT, expiresAt)
                    .where(NAME.eq(lease).and(HOLDER.eq(holder).or(EXPIRES_AT.lt(now))))
                    .execute() == 1;
        });
    }

    /** The node holding a lease now, if any (an expired lease is held by no one). */
    public java.util.Optional<String> holder(String lease) {
        return database.dsl().select(HOLDER).from(LEASES).where(NAME.eq(lease), EXPIRES_AT.ge(clock.millis()))
                .fetchOptional(HOLDER);
    }

    /** Gives the lease up at once so another node can take it without waiting for expiry. */
    public void release(String lease, String holder) {
        database.inTransaction(tx -> tx.deleteFrom(LEASES).where(NAME.eq(lease).and(HOLDER.eq(holder))).execute());
    }
}
