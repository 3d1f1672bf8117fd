package dev.veltrix.server.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.veltrix.claims.Claim;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims taken out of the world but kept restorable: those of owners who stayed away too long, and
 * those an admin deleted with {@code ?archive=true}. A claim goes in with its subdivisions, trust and
 * flags as they were, and comes back only if its land is still free.
 */
public final class ClaimArchive {
    private final ClaimService claims;

    public ClaimArchive(ClaimService claims) {
        this.claims = claims;
    }

    /** An admin's delete: the claim and its subdivisions go to the archive instead of being abandoned. */
    public void removeToArchive(UUID id) {
        Claim claim = claims.claim(id);
        if (claim.isSubdivision()) {
            throw InvalidInputException.of("id", "archive the top-level claim " + claim.parent() + "; subdivisions go with it");
        }
        archive(claim, claims.clock().millis());
    }

    /** Moves a claim and its subdivisions to the archive and removes them, in one transaction. */
    void archive(Claim claim, long now) {
        ClaimStore store = claims.store();
        claims.database().inTransaction(tx -> {
            List<Claim> subs = store.load(tx, ClaimTables.C_PARENT.eq(claim.id().toString()));
            List<Claim> all = new ArrayList<>(subs);
            all.add(0, claim);
            tx.insertInto(ClaimTables.ARCHIVE, ClaimTables.AR_ID, ClaimTables.AR_OWNER, ClaimTables.AR_WORLD,
                            ClaimTables.AR_STATE, ClaimTables.AR_EXPIRED)
                    .values(claim.id().toString(), claim.owner() == null ? null : claim.owner().toString(), claim.world(),
                            json(all), now)
                    .execute();
            for (Claim sub : subs) {
                store.delete(tx, sub.id());
            }
            store.delete(tx, claim.id());
            claims.event(tx, "claim.deleted", claim);
            return null;
        });
        claims.forget(claim.id());
    }

    /** Puts an archived claim back, if its land is still free; its owner's blocks pay for it again. */
    public Claim restore(UUID id) {
        var row = claims.database().dsl().selectFrom(ClaimTables.ARCHIVE).where(ClaimTables.AR_ID.eq(id.toString())).fetchOne();
        if (row == null) {
            throw new NotFoundException("no archived claim " + id + "; GET /api/v1/claims/archive lists them");
        }
        List<Claim> all;
        try {
            // The stored JSON also holds derived properties (adminClaim, subdivision): skip them on the way back.
            all = List.of(claims.json().readerFor(Claim[].class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(row.get(ClaimTables.AR_STATE)));
        } catch (IOException e) {
            throw new IllegalStateException("archived claim " + id + " cannot be read", e);
        }
        Claim claim = all.getFirst();
        ClaimStore store = claims.store();
        long now = claims.clock().millis();
        claims.database().inTransaction(tx -> {
            store.lockWorld(tx, claim.world());
            ClaimService.refuseOverlap(store.overlapping(tx, claim.world(), claim.box(), ClaimTables.C_PARENT.isNull()), "claim");
            for (Claim c : all) {
                store.insert(tx, c, now);
            }
            if (claim.owner() != null) {
                store.adjust(tx, claim.owner(), 0, 0, 0, now, Long.MAX_VALUE);
            }
            tx.deleteFrom(ClaimTables.ARCHIVE).where(ClaimTables.AR_ID.eq(id.toString())).execute();
            for (Claim c : all) {
                claims.event(tx, "claim.created", c);
            }
            return null;
        });
        claims.remember(all);
        return claim;
    }

    /** Archived claims, newest first (at most 500). */
    public List<Map<String, Object>> list() {
        return claims.database().dsl().select(ClaimTables.AR_ID, ClaimTables.AR_OWNER, ClaimTables.AR_WORLD, ClaimTables.AR_EXPIRED)
                .from(ClaimTables.ARCHIVE).orderBy(ClaimTables.AR_EXPIRED.desc()).limit(500).fetch(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", r.value1());
                    row.put("owner", r.value2());
                    row.put("world", r.value3());
                    row.put("expiredAt", Instant.ofEpochMilli(r.value4()));
                    return row;
                });
    }

    /** Forgets archived claims that expired before an instant; returns how many. */
    int purgeBefore(long millis) {
        return claims.database().dsl().deleteFrom(ClaimTables.ARCHIVE).where(ClaimTables.AR_EXPIRED.lt(millis)).execute();
    }

    private String json(Object value) {
        try {
            return claims.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a claim failed to serialise", e);
        }
    }
}
