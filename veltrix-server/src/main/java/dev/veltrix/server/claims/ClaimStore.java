package dev.veltrix.server.claims;

import static dev.veltrix.server.claims.ClaimTables.*;

import dev.veltrix.claims.Box;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.Flag;
import dev.veltrix.claims.Trust;
import dev.veltrix.claims.World;
import dev.veltrix.storage.SqlKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Claims, worlds and players' claim blocks in SQL; every method runs in the caller's transaction. */
final class ClaimStore {
    private final SqlKind kind;

    ClaimStore(SqlKind kind) {
        this.kind = kind;
    }

    static String worldId(World world) {
        return world.group().isEmpty() ? world.name() : world.group() + ":" + world.name();
    }

    void saveWorld(DSLContext tx, World world, long now) {
        tx.deleteFrom(WORLDS).where(W_ID.eq(worldId(world))).execute();
        Box b = world.bounds();
        tx.insertInto(WORLDS, W_ID, W_NAME, W_GROUP, MIN_X, MIN_Y, MIN_Z, MAX_X, MAX_Y, MAX_Z, W_CREATED)
                .values(worldId(world), world.name(), world.group(), b.minX(), b.minY(), b.minZ(), b.maxX(), b.maxY(), b.maxZ(), now)
                .execute();
    }

    Map<String, World> worlds(DSLContext dsl) {
        Map<String, World> worlds = new HashMap<>();
        dsl.selectFrom(WORLDS).forEach(r -> worlds.put(r.get(W_ID), new World(r.get(W_NAME), r.get(W_GROUP), box(r))));
        return worlds;
    }

    /**
     * Takes the world's row lock, so claims in one world are created one at a time across every node.
     * SQLite needs none: its write transactions already run one at a time.
     */
    void lockWorld(DSLContext tx, String world) {
        if (kind != SqlKind.SQLITE) {
            tx.select(W_ID).from(WORLDS).where(W_ID.eq(world)).forUpdate().fetch();
        }
    }

    List<Claim> overlapping(DSLContext tx, String world, Box box, Condition which) {
        return load(tx, C_WORLD.eq(world).and(MIN_X.le(box.maxX())).and(MAX_X.ge(box.minX()))
                .and(MIN_Z.le(box.maxZ())).and(MAX_Z.ge(box.minZ())).and(MIN_Y.le(box.maxY())).and(MAX_Y.ge(box.minY()))
                .and(which));
    }

    List<Claim> load(DSLContext dsl, Condition where) {
        List<Record> rows = dsl.selectFrom(CLAIMS).where(where).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> r.get(C_ID)).toList();
        Map<String, Map<String, Trust>> trust = new HashMap<>();
        Map<String, Map<Flag, Boolean>> flags = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
            dsl.selectFrom(TRUST).where(T_CLAIM.in(chunk)).forEach(r -> trust.computeIfAbsent(r.get(T_CLAIM), k -> new HashMap<>())
                    .put(r.get(T_SUBJECT), Trust.valueOf(r.get(T_TRUST))));
            dsl.selectFrom(FLAGS).where(F_CLAIM.in(chunk)).forEach(r -> flags.computeIfAbsent(r.get(F_CLAIM),
                    k -> new EnumMap<>(Flag.class)).put(Flag.valueOf(r.get(F_FLAG)), r.get(F_VALUE) == 1));
        }
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Record r : rows) {
            String id = r.get(C_ID);
            claims.add(new Claim(UUID.fromString(id), r.get(C_WORLD), uuid(r.get(C_OWNER)), box(r), uuid(r.get(C_PARENT)),
                    r.get(C_RESTRICTED) == 1, trust.getOrDefault(id, Map.of()), flags.getOrDefault(id, Map.of())));
        }
        return claims;
    }

    void insert(DSLContext tx, Claim c, long now) {
        Box b = c.box();
        tx.insertInto(CLAIMS, C_ID, C_WORLD, C_OWNER, C_PARENT, MIN_X, MIN_Y, MIN_Z, MAX_X, MAX_Y, MAX_Z, C_RESTRICTED, C_CREATED)
                .values(c.id().toString(), c.world(), text(c.owner()), text(c.parent()), b.minX(), b.minY(), b.minZ(),
                        b.maxX(), b.maxY(), b.maxZ(), c.restricted() ? 1 : 0, now)
                .execute();
        c.trust().forEach((subject, level) -> setTrust(tx, c.id(), subject, level));
        c.flags().forEach((flag, value) -> setFlag(tx, c.id(), flag, value));
    }

    void update(DSLContext tx, Claim c) {
        Box b = c.box();
        tx.update(CLAIMS).set(C_OWNER, text(c.owner())).set(MIN_X, b.minX()).set(MIN_Y, b.minY()).set(MIN_Z, b.minZ())
                .set(MAX_X, b.maxX()).set(MAX_Y, b.maxY()).set(MAX_Z, b.maxZ()).where(C_ID.eq(c.id().toString())).execute();
    }

    void delete(DSLContext tx, UUID id) {
        String claim = id.toString();
        tx.deleteFrom(TRUST).where(T_CLAIM.eq(claim)).execute();
        tx.deleteFrom(FLAGS).where(F_CLAIM.eq(claim)).execute();
        tx.deleteFrom(CLAIMS).where(C_ID.eq(claim)).execute();
    }

    void setTrust(DSLContext tx, UUID claim, String subject, Trust level) {
        tx.deleteFrom(TRUST).where(T_CLAIM.eq(claim.toString())).and(T_SUBJECT.eq(subject)).execute();
        if (level != null) {
            tx.insertInto(TRUST, T_CLAIM, T_SUBJECT, T_TRUST).values(claim.toString(), subject, level.name()).execute();
        }
    }

    void setFlag(DSLContext tx, UUID claim, Flag flag, Boolean value) {
        tx.deleteFrom(FLAGS).where(F_CLAIM.eq(claim.toString())).and(F_FLAG.eq(flag.name())).execute();
        if (value != null) {
            tx.insertInto(FLAGS, F_CLAIM, F_FLAG, F_VALUE).values(claim.toString(), flag.name(), value ? 1 : 0).execute();
        }
    }

    /** A player's block account: {accrued, bonus, lost}; zeros for a player never seen. */
    long[] blocks(DSLContext dsl, UUID player) {
        Record r = dsl.selectFrom(PLAYERS).where(P_PLAYER.eq(player.toString())).fetchOne();
        return r == null ? new long[3] : new long[] {r.get(P_ACCRUED), r.get(P_BONUS), r.get(P_LOST)};
    }

    void addLost(DSLContext tx, UUID player, long lost, long now) {
        adjust(tx, player, 0, 0, lost, now, Long.MAX_VALUE);
    }

    /** Adds to a player's account (creating it); accrued blocks stop at {@code maxAccrued}. */
    void adjust(DSLContext tx, UUID player, long accrued, long bonus, long lost, long now, long maxAccrued) {
        long[] account = blocks(tx, player);
        int updated = tx.update(PLAYERS).set(P_ACCRUED, Math.min(maxAccrued, account[0] + accrued))
                .set(P_BONUS, account[1] + bonus).set(P_LOST, account[2] + lost).set(P_LAST_ACTIVE, now)
                .where(P_PLAYER.eq(player.toString())).execute();
        if (updated == 0) {
            tx.insertInto(PLAYERS, P_PLAYER, P_ACCRUED, P_BONUS, P_LOST, P_LAST_ACTIVE, P_GROUPS)
                    .values(player.toString(), Math.min(maxAccrued, accrued), bonus, lost, now, "").execute();
        }
    }

    /** The permission groups last reported for a player. */
    List<String> groups(DSLContext dsl, UUID player) {
        String text = dsl.select(P_GROUPS).from(PLAYERS).where(P_PLAYER.eq(player.toString())).fetchOne(P_GROUPS);
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(","));
    }

    void setGroups(DSLContext tx, UUID player, List<String> groups, long now) {
        adjust(tx, player, 0, 0, 0, now, Long.MAX_VALUE);
        tx.update(PLAYERS).set(P_GROUPS, String.join(",", groups)).where(P_PLAYER.eq(player.toString())).execute();
    }

    /** Records an activity report once; false when its key was counted before. */
    boolean recordAccrual(DSLContext tx, String key, UUID player, int minutes, long now) {
        if (tx.fetchExists(ACCRUALS, A_KEY.eq(key))) {
            return false;
        }
        tx.insertInto(ACCRUALS, A_KEY, A_PLAYER, A_MINUTES, A_AT).values(key, player.toString(), minutes, now).execute();
        return true;
    }

    private static Box box(Record r) {
        return new Box(r.get(MIN_X), r.get(MIN_Y), r.get(MIN_Z), r.get(MAX_X), r.get(MAX_Y), r.get(MAX_Z));
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
