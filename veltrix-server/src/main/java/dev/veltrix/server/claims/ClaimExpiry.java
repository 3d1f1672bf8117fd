package dev.veltrix.server.claims;

import static dev.veltrix.server.claims.ClaimTables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.claims.Claim;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Record;

/**
 * Expiry of inactive owners' claims. A sweep warns owners at each lead time before their claims expire
 * (a {@code claim.expiry_warned} event every game server receives and shows on the owner's next join),
 * moves the claims of owners inactive past the limit to the archive, and forgets archived claims whose
 * grace period has passed. Owners with at least the protection threshold of blocks never expire.
 */
public final class ClaimExpiry {
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final ClaimService claims;
    private final ClaimArchive archive;
    private final ExpiryPolicy policy;
    private final ObjectMapper json;
    private final java.util.function.Consumer<String> hook;

    public ClaimExpiry(ClaimService claims, ClaimArchive archive, ExpiryPolicy policy, ObjectMapper json) {
        this(claims, archive, policy, json, warning -> { });
    }

    /** @param hook also told each warning sent, as its JSON (a webhook) */
    public ClaimExpiry(ClaimService claims, ClaimArchive archive, ExpiryPolicy policy, ObjectMapper json,
                       java.util.function.Consumer<String> hook) {
        this.claims = claims;
        this.archive = archive;
        this.policy = policy;
        this.json = json;
        this.hook = hook;
    }

    /** What one sweep did. */
    public record Sweep(int warned, int expired, int purged) {
    }

    /** One pass; safe to run again at once (warnings are sent once per lead time and stretch of inactivity). */
    public Sweep sweep() {
        if (policy.afterDays() == 0) {
            return new Sweep(0, 0, 0);
        }
        long now = claims.clock().millis();
        int warned = 0;
        int expired = 0;
        for (Map.Entry<UUID, List<Claim>> owner : topLevelByOwner().entrySet()) {
            if (isProtected(owner.getKey())) {
                continue;
            }
            long lastActive = lastActive(owner.getKey());
            long expiresAt = lastActive + policy.afterDays() * DAY;
            if (now >= expiresAt) {
                for (Claim claim : owner.getValue()) {
                    archive.archive(claim, now);
                    expired++;
                }
                continue;
            }
            for (int lead : policy.warningDays()) {
                if (now >= expiresAt - lead * DAY) {
                    String warning = warn(owner.getKey(), owner.getValue(), lead, lastActive, expiresAt, now);
                    if (warning != null) {
                        hook.accept(warning); // after the commit: the event is the record, the hook a copy
                        warned++;
                    }
                }
            }
        }
        int purged = archive.purgeBefore(now - policy.graceDays() * DAY);
        return new Sweep(warned, expired, purged);
    }

    /** Owners whose claims expire within {@code days}, soonest first, with the instant. */
    public List<Map<String, Object>> expiringWithin(int days) {
        List<Map<String, Object>> soon = new ArrayList<>();
        if (policy.afterDays() == 0) {
            return soon;
        }
        long horizon = claims.clock().millis() + days * DAY;
        topLevelByOwner().forEach((owner, owned) -> {
            if (isProtected(owner)) {
                return;
            }
            long expiresAt = lastActive(owner) + policy.afterDays() * DAY;
            if (expiresAt <= horizon) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("owner", owner);
                row.put("claims", owned.stream().map(Claim::id).toList());
                row.put("expiresAt", Instant.ofEpochMilli(expiresAt));
                soon.add(row);
            }
        });
        soon.sort((a, b) -> ((Instant) a.get("expiresAt")).compareTo((Instant) b.get("expiresAt")));
        return soon;
    }

    /** When an owner's claims expire if they stay away; null when they never will (no expiry, protected). */
    public Instant expiresAt(UUID owner) {
        if (policy.afterDays() == 0 || isProtected(owner)) {
            return null;
        }
        return Instant.ofEpochMilli(lastActive(owner) + policy.afterDays() * DAY);
    }

    private Map<UUID, List<Claim>> topLevelByOwner() {
        Map<UUID, List<Claim>> owners = new LinkedHashMap<>();
        for (Claim claim : claims.store().load(claims.database().dsl(), C_OWNER.isNotNull().and(C_PARENT.isNull()))) {
            owners.computeIfAbsent(claim.owner(), o -> new ArrayList<>()).add(claim);
        }
        return owners;
    }

    /** Owners who earned or bought at least the protection threshold of blocks never expire. */
    private boolean isProtected(UUID owner) {
        long[] account = claims.store().blocks(claims.database().dsl(), owner);
        return policy.protectionBlocks() > 0 && account[0] + account[1] >= policy.protectionBlocks();
    }

    private long lastActive(UUID owner) {
        Record row = claims.database().dsl().select(P_LAST_ACTIVE).from(PLAYERS).where(P_PLAYER.eq(owner.toString())).fetchOne();
        return row == null ? claims.clock().millis() : row.get(P_LAST_ACTIVE);
    }

    /** Sends a warning unless it was sent for this stretch of inactivity; returns its JSON, or null. */
    private String warn(UUID owner, List<Claim> owned, int lead, long lastActive, long expiresAt, long now) {
        return claims.database().inTransaction(tx -> {
            boolean sent = tx.fetchExists(WARNINGS, WA_OWNER.eq(owner.toString()).and(WA_LEAD.eq(lead))
                    .and(WA_LAST_ACTIVE.eq(lastActive)));
            if (sent) {
                return null;
            }
            tx.insertInto(WARNINGS, WA_OWNER, WA_LEAD, WA_LAST_ACTIVE, WA_SENT).values(owner.toString(), lead, lastActive, now).execute();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("owner", owner.toString());
            body.put("claims", owned.stream().map(c -> c.id().toString()).toList());
            body.put("expiresAt", Instant.ofEpochMilli(expiresAt).toString());
            body.put("leadDays", lead);
            try {
                String payload = json.writeValueAsString(body);
                Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), "claim.expiry_warned", owner.toString(),
                        Instant.ofEpochMilli(now), "claims", payload)));
                return payload;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an expiry warning failed to serialise", e);
            }
        });
    }
}
