package dev.veltrix.server.claims;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.claims.Claim;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.RowInserter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The grief-incident log: denied actions reported by game servers, kept with the claim and owner they
 * hit, and aggregated per prober and owner so an admin sees who is probing whose land.
 */
public final class GriefLog {
    public static final int BATCH_MAX = 500;
    private static final Table<Record> INCIDENTS = table(name("claim_incidents"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<Long> AT = field(name("at"), Long.class);
    private static final Field<String> PLAYER = field(name("player"), String.class);
    private static final Field<String> ACTION = field(name("action"), String.class);
    private static final Field<String> WORLD = field(name("world"), String.class);
    private static final Field<Integer> X = field(name("x"), Integer.class);
    private static final Field<Integer> Y = field(name("y"), Integer.class);
    private static final Field<Integer> Z = field(name("z"), Integer.class);
    private static final Field<String> CLAIM = field(name("claim_id"), String.class);
    private static final Field<String> OWNER = field(name("claim_owner"), String.class);

    private final Database database;
    private final ClaimService claims;
    private final Clock clock;
    private final Consumer<Incident> observer;

    /** @param observer told of each recorded incident (metrics) */
    public GriefLog(Database database, ClaimService claims, Clock clock, Consumer<Incident> observer) {
        this.database = database;
        this.claims = claims;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * Records a batch of reported incidents; the claim and owner are taken from where the action was
     * tried. All valid or none recorded.
     */
    public int record(List<Incident> reported) {
        if (reported.isEmpty() || reported.size() > BATCH_MAX) {
            throw InvalidInputException.of("incidents", "send 1.." + BATCH_MAX + " incidents, got " + reported.size());
        }
        List<FieldError> errors = new ArrayList<>();
        java.util.Set<String> worlds = java.util.Set.copyOf(claims.worlds());
        for (int i = 0; i < reported.size(); i++) {
            Incident incident = reported.get(i);
            if (incident.player() == null || incident.action() == null || incident.world() == null) {
                errors.add(new FieldError("incidents[" + i + "]", "needs player, action, world, x, y and z"));
            } else if (!worlds.contains(incident.world())) {
                errors.add(new FieldError("incidents[" + i + "].world", "no world " + incident.world()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the incidents are invalid; none was recorded", errors);
        }
        Instant now = clock.instant();
        RowInserter rows = new RowInserter(INCIDENTS, List.of(ID, AT, PLAYER, ACTION, WORLD, X, Y, Z, CLAIM, OWNER));
        List<Incident> recorded = new ArrayList<>();
        for (Incident i : reported) {
            Claim claim = claims.at(i.world(), i.x(), i.y(), i.z());
            Incident kept = new Incident(i.player(), i.action(), i.world(), i.x(), i.y(), i.z(),
                    claim == null ? null : claim.id(), claim == null ? null : claim.owner(), now);
            recorded.add(kept);
            rows.add(UuidV7.next().toString(), now.toEpochMilli(), kept.player().toString(), kept.action().name(), kept.world(),
                    kept.x(), kept.y(), kept.z(), text(kept.claim()), text(kept.owner()));
        }
        database.inTransaction(tx -> {
            rows.execute(tx);
            return null;
        });
        recorded.forEach(observer);
        return recorded.size();
    }

    /** Who probed whose land since an instant, most attempts first. */
    public List<Prober> probers(Instant since, int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be 1..500, got " + limit);
        }
        return database.dsl().select(PLAYER, OWNER, count(), countDistinct(CLAIM), min(AT), max(AT)).from(INCIDENTS)
                .where(AT.ge(since.toEpochMilli())).groupBy(PLAYER, OWNER).orderBy(count().desc()).limit(limit)
                .fetch(r -> new Prober(UUID.fromString(r.value1()), r.value2() == null ? null : UUID.fromString(r.value2()),
                        r.value3(), r.value4(), Instant.ofEpochMilli(r.value5()), Instant.ofEpochMilli(r.value6())));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
