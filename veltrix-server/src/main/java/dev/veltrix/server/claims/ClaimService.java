package dev.veltrix.server.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.claims.Action;
import dev.veltrix.claims.Box;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.ClaimIndex;
import dev.veltrix.claims.ClaimRules;
import dev.veltrix.claims.Flag;
import dev.veltrix.claims.Trust;
import dev.veltrix.claims.World;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * Land claims for the whole network. Every change commits with a {@code claim.*} event in one
 * transaction; claims in one world are created one at a time (a row lock on the world, or SQLite's
 * single writer), so two servers asking for overlapping land at the same instant cannot both get it.
 * Checks are answered from an in-memory {@link ClaimIndex}, swapped after each committed change.
 */
public final class ClaimService {
    public static final SchemaModule SCHEMA = new SchemaModule("claims");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9_-]{0,32}");

    private final Database database;
    private final ClaimStore store;
    private final ClaimRules rules;
    private final ClaimBlocksBook blocksBook;
    private final Clock clock;
    private final ObjectMapper json;
    private volatile ClaimIndex index;
    private volatile Map<String, World> worlds;

    public ClaimService(Database database, ClaimRules rules, Clock clock, ObjectMapper json) {
        this(database, rules, List.of(), clock, json);
    }

    /** @param groupRules better terms for members of permission groups, as game servers report them */
    public ClaimService(Database database, ClaimRules rules, List<dev.veltrix.claims.GroupRule> groupRules, Clock clock,
                        ObjectMapper json) {
        this.database = database;
        this.store = new ClaimStore(database.kind());
        this.rules = rules;
        this.clock = clock;
        this.json = json;
        this.blocksBook = new ClaimBlocksBook(database, store, rules, groupRules, clock);
        this.worlds = store.worlds(database.dsl());
        this.index = ClaimIndex.of(store.load(database.dsl(), org.jooq.impl.DSL.trueCondition()));
    }

    /** Creates or redefines a world; returns its id ({@code name}, or {@code group:name}). */
    public String defineWorld(World world) {
        List<FieldError> errors = new ArrayList<>();
        if (world.name() == null || !NAME.matcher(world.name()).matches()) {
            errors.add(new FieldError("world", "1..64 of a-z 0-9 _ -, got " + world.name()));
        }
        if (world.group() == null || !GROUP.matcher(world.group()).matches()) {
            errors.add(new FieldError("group", "0..32 of a-z 0-9 _ - (empty: one world for the whole network)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the world is invalid; nothing was saved", errors);
        }
        database.inTransaction(tx -> {
            store.saveWorld(tx, world, clock.millis());
            return null;
        });
        worlds = store.worlds(database.dsl());
        return ClaimStore.worldId(world);
    }

    public List<String> worlds() {
        return worlds.keySet().stream().sorted().toList();
    }

    /** Creates a claim, or a subdivision inside one; refuses overlaps, naming the claim in the way. */
    public Claim create(ClaimDraft draft) {
        World world = world(draft.world());
        Claim parent = draft.parent() == null ? null : claim(draft.parent());
        checkShape(draft, world, parent, true);
        Claim claim = new Claim(UuidV7.next(), draft.world(), parent == null ? draft.owner() : parent.owner(), draft.box(),
                draft.parent(), draft.restricted(), Map.of(), Map.of());
        database.inTransaction(tx -> {
            store.lockWorld(tx, draft.world());
            if (parent == null) {
                refuseOverlap(store.overlapping(tx, draft.world(), draft.box(), ClaimTables.C_PARENT.isNull()), "claim");
                if (claim.owner() != null) {
                    blocksBook.require(tx, claim.owner(), draft.box().area(), 0);
                }
            } else {
                refuseOverlap(store.overlapping(tx, draft.world(), draft.box(), ClaimTables.C_PARENT.eq(parent.id().toString())),
                        "subdivision");
            }
            store.insert(tx, claim, clock.millis());
            if (claim.owner() != null) {
                store.adjust(tx, claim.owner(), 0, 0, 0, clock.millis(), Long.MAX_VALUE); // claiming is activity
            }
            event(tx, "claim.created", claim);
            return null;
        });
        refresh(claim.id());
        return claim;
    }

    private void checkShape(ClaimDraft draft, World world, Claim parent, boolean isNew) {
        List<FieldError> errors = new ArrayList<>();
        if (parent == null) {
            rules.problems(draft.box(), world).forEach(p -> errors.add(new FieldError("corners", p.substring(9))));
        } else if (!parent.box().contains(draft.box())) {
            errors.add(new FieldError("corners", "a subdivision must lie inside its claim " + parent.id() + " " + text(parent.box())));
        } else if (parent.isSubdivision()) {
            errors.add(new FieldError("parent", "subdivisions cannot be subdivided; name the top-level claim"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the claim is invalid; nothing changed", errors);
        }
        if (!isNew || parent != null || draft.owner() == null) {
            return;
        }
        int maxClaims = blocksBook.rulesFor(database.dsl(), draft.owner()).maxClaims();
        if (maxClaims > 0) {
            long owned = playerClaims(draft.owner()).stream().filter(c -> !c.isSubdivision()).count();
            if (owned >= maxClaims) {
                throw new RejectedException("claim-limit", "player " + draft.owner() + " owns " + owned + " claims, the most "
                        + "allowed (claims.max-per-player); abandon one first");
            }
        }
    }

    static void refuseOverlap(List<Claim> overlapping, String what) {
        if (!overlapping.isEmpty()) {
            Claim other = overlapping.getFirst();
            throw new ConflictException("claim-overlap", "the " + what + " would overlap claim " + other.id() + " of "
                    + (other.owner() == null ? "the server (an admin claim)" : "player " + other.owner()) + " at "
                    + text(other.box()) + "; choose corners outside it");
        }
    }

    /**
     * Moves a claim's corners. A top-level claim keeps to the rules, does not overlap another claim,
     * still holds its subdivisions, and its owner pays the difference in blocks; a subdivision stays
     * inside its claim and clear of its siblings.
     */
    public Claim resize(UUID id, Box box) {
        Claim claim = claim(id);
        World world = world(claim.world());
        Claim parent = claim.parent() == null ? null : claim(claim.parent());
        checkShape(new ClaimDraft(claim.world(), claim.owner(), box, claim.parent(), claim.restricted()), world, parent, false);
        Claim resized = claim.withBox(box);
        database.inTransaction(tx -> {
            store.lockWorld(tx, claim.world());
            var others = org.jooq.impl.DSL.and(ClaimTables.C_ID.ne(id.toString()),
                    parent == null ? ClaimTables.C_PARENT.isNull() : ClaimTables.C_PARENT.eq(parent.id().toString()));
            refuseOverlap(store.overlapping(tx, claim.world(), box, others), parent == null ? "claim" : "subdivision");
            for (Claim sub : store.load(tx, ClaimTables.C_PARENT.eq(id.toString()))) {
                if (!box.contains(sub.box())) {
                    throw new ConflictException("subdivision-outside", "subdivision " + sub.id() + " at " + text(sub.box())
                            + " would fall outside; resize or abandon it first");
                }
            }
            if (parent == null && claim.owner() != null && box.area() > claim.box().area()) {
                blocksBook.require(tx, claim.owner(), box.area() - claim.box().area(), 0);
            }
            store.update(tx, resized);
            event(tx, "claim.changed", resized);
            return null;
        });
        refresh(id);
        return claim(id);
    }

    /** Gives a top-level claim (and its subdivisions) to another player, who must have the blocks for it. */
    public Claim transfer(UUID id, UUID newOwner) {
        Claim claim = claim(id);
        if (claim.isSubdivision()) {
            throw InvalidInputException.of("owner", "a subdivision belongs to its claim's owner; transfer the claim " + claim.parent());
        }
        Claim moved = claim.withOwner(newOwner);
        database.inTransaction(tx -> {
            if (newOwner != null) {
                blocksBook.require(tx, newOwner, claim.box().area(), 0);
            }
            store.update(tx, moved);
            tx.update(ClaimTables.CLAIMS).set(ClaimTables.C_OWNER, newOwner == null ? null : newOwner.toString())
                    .where(ClaimTables.C_PARENT.eq(id.toString())).execute();
            event(tx, "claim.changed", moved);
            return null;
        });
        // The claim and its subdivisions changed owner: reload just them, one rebuild of their world.
        remember(store.load(database.dsl(), ClaimTables.C_ID.eq(id.toString()).or(ClaimTables.C_PARENT.eq(id.toString()))));
        return claim(id);
    }

    /** Forgets a claim (and its subdivisions) in the index after a committed removal. */
    synchronized void forget(UUID id) {
        index = index.without(id);
    }

    /** Learns claims into the index after a committed change. */
    synchronized void remember(java.util.Collection<Claim> claims) {
        index = index.with(claims);
    }

    Database database() {
        return database;
    }

    ClaimStore store() {
        return store;
    }

    ObjectMapper json() {
        return json;
    }

    Clock clock() {
        return clock;
    }

    /** Removes a claim and its subdivisions; a player gets back its area times the abandon ratio. */
    public void abandon(UUID id) {
        Claim claim = claim(id);
        database.inTransaction(tx -> {
            for (Claim sub : store.load(tx, ClaimTables.C_PARENT.eq(id.toString()))) {
                store.delete(tx, sub.id());
            }
            store.delete(tx, id);
            if (!claim.isSubdivision() && claim.owner() != null && rules.abandonReturnRatio() < 1.0) {
                long lost = Math.round(claim.box().area() * (1.0 - rules.abandonReturnRatio()));
                store.addLost(tx, claim.owner(), lost, clock.millis());
            }
            event(tx, "claim.deleted", claim);
            return null;
        });
        synchronized (this) {
            index = index.without(id);
        }
    }

    /** Grants (or with null, removes) a subject's trust in a claim. */
    public Claim trust(UUID id, String subject, Trust level) {
        String problem = dev.veltrix.claims.Subjects.problemWith(subject);
        if (problem != null) {
            throw InvalidInputException.of("subject", problem);
        }
        Claim claim = claim(id);
        return change(claim.withTrust(subject, level), tx -> store.setTrust(tx, id, subject, level));
    }

    /** Sets (or with null, clears to the default) a flag of a claim. */
    public Claim flag(UUID id, Flag flag, Boolean value) {
        Claim claim = claim(id);
        return change(claim.withFlag(flag, value), tx -> store.setFlag(tx, id, flag, value));
    }

    private Claim change(Claim changed, java.util.function.Consumer<DSLContext> write) {
        database.inTransaction(tx -> {
            write.accept(tx);
            event(tx, "claim.changed", changed);
            return null;
        });
        refresh(changed.id());
        return claim(changed.id());
    }

    public Claim claim(UUID id) {
        Claim claim = index.claim(id);
        if (claim == null) {
            throw new NotFoundException("no claim " + id);
        }
        return claim;
    }

    public Claim at(String world, int x, int y, int z) {
        world(world);
        return index.at(world, x, y, z);
    }

    /** Whether a player may do an action at a point, and the claim that decided it (null in the wild). */
    public Map<String, Object> check(UUID player, List<String> groups, Action action, String world, int x, int y, int z) {
        world(world);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("allowed", index.can(player, groups, action, world, x, y, z));
        Claim claim = index.at(world, x, y, z);
        answer.put("claim", claim == null ? null : claim.id());
        return answer;
    }

    /** One page of a world's claims in id order, after {@code after} (null: from the start): a replica's snapshot. */
    public List<Claim> list(String world, UUID after, int limit) {
        world(world);
        if (limit < 1 || limit > 5_000) {
            throw InvalidInputException.of("limit", "must be 1..5000, got " + limit);
        }
        return index.claims(world).stream().filter(c -> after == null || c.id().compareTo(after) > 0)
                .sorted(java.util.Comparator.comparing(Claim::id)).limit(limit).toList();
    }

    /** The block shop, selling blocks at {@code price} minor units of {@code currency} each (0: not for sale). */
    /** Adds bonus blocks inside the caller's transaction (the store's claim-block deliveries, done exactly once there). */
    public void grantBlocks(org.jooq.DSLContext tx, UUID player, long blocks) {
        store.adjust(tx, player, 0, blocks, 0, clock.millis(), Long.MAX_VALUE);
    }

    public BlockShop blockShop(dev.veltrix.economy.ledger.LedgerService ledger, String currency, long price) {
        return new BlockShop(ledger, store, clock, currency, price);
    }

    /** Counts a report of a player's active minutes toward accrued blocks; see {@link ClaimBlocksBook#accrue}. */
    public ClaimBlocks accrue(UUID player, int minutes, String reportKey) {
        return blocksBook.accrue(player, minutes, reportKey, null);
    }

    /** The same, also recording the player's permission groups (null: unchanged) for per-group rules. */
    public ClaimBlocks accrue(UUID player, int minutes, String reportKey, List<String> groups) {
        return blocksBook.accrue(player, minutes, reportKey, groups);
    }

    public List<Claim> playerClaims(UUID player) {
        return store.load(database.dsl(), ClaimTables.C_OWNER.eq(player.toString()));
    }

    public ClaimBlocks blocks(UUID player) {
        return blocksBook.blocks(database.dsl(), player);
    }

    private World world(String id) {
        World world = id == null ? null : worlds.get(id);
        if (world == null) {
            throw new NotFoundException("no world " + id + "; worlds are defined with PUT /api/v1/claims/worlds/{world}"
                    + (worlds.isEmpty() ? "" : ", and there are " + worlds()));
        }
        return world;
    }

    /** Reloads a claim (and, for a top-level claim, its subdivisions see it) into the index. */
    private synchronized void refresh(UUID id) {
        List<Claim> fresh = store.load(database.dsl(), ClaimTables.C_ID.eq(id.toString()));
        index = fresh.isEmpty() ? index.without(id) : index.with(fresh.getFirst());
    }

    /** The event carries the claim's whole state, in the API's shape, so a replica needs nothing else. */
    void event(DSLContext tx, String type, Claim claim) {
        try {
            Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), type, claim.id().toString(), clock.instant(), "claims",
                    json.writeValueAsString(claim))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a claim event failed to serialise", e);
        }
    }

    static String text(Box b) {
        return "(" + b.minX() + ", " + b.minY() + ", " + b.minZ() + ") to (" + b.maxX() + ", " + b.maxY() + ", " + b.maxZ() + ")";
    }
}
