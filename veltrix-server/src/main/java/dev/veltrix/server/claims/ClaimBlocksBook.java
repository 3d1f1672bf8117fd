package dev.veltrix.server.claims;

import dev.veltrix.claims.ClaimRules;
import dev.veltrix.claims.GroupRule;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * Players' claim blocks: what the rules (and their groups' better terms) grant, what reported play time
 * earned, what they bought, used and lost; and the check a new or larger claim must pass.
 */
final class ClaimBlocksBook {
    private static final Pattern GROUP = Pattern.compile("[a-z0-9_-]{1,64}");

    private final Database database;
    private final ClaimStore store;
    private final ClaimRules rules;
    private final List<GroupRule> groupRules;
    private final Clock clock;

    ClaimBlocksBook(Database database, ClaimStore store, ClaimRules rules, List<GroupRule> groupRules, Clock clock) {
        this.database = database;
        this.store = store;
        this.rules = rules;
        this.groupRules = List.copyOf(groupRules);
        this.clock = clock;
    }

    /**
     * Counts a game server's report of a player's active minutes (idle time is not reported) toward
     * accrued blocks: the player's reported minutes × blocks per hour ÷ 60, up to the accrual cap. A
     * report key seen before changes nothing; {@code groups} (null: unchanged) are recorded for per-group rules.
     */
    ClaimBlocks accrue(UUID player, int minutes, String reportKey, List<String> groups) {
        if (minutes < 1 || minutes > 1_440) {
            throw InvalidInputException.of("minutes", "1..1440 active minutes per report, got " + minutes);
        }
        if (reportKey == null || reportKey.isBlank() || reportKey.length() > 120) {
            throw InvalidInputException.of("Idempotency-Key", "send a unique key of 1..120 characters with every report");
        }
        if (groups != null && (groups.size() > 20 || groups.stream().anyMatch(g -> !GROUP.matcher(g).matches()))) {
            throw InvalidInputException.of("groups", "up to 20 group names of a-z 0-9 _ -");
        }
        database.inTransaction(tx -> {
            if (groups != null) {
                store.setGroups(tx, player, groups, clock.millis());
            }
            if (store.recordAccrual(tx, reportKey, player, minutes, clock.millis())) {
                ClaimRules terms = rulesFor(tx, player);
                long total = tx.select(org.jooq.impl.DSL.sum(ClaimTables.A_MINUTES)).from(ClaimTables.ACCRUALS)
                        .where(ClaimTables.A_PLAYER.eq(player.toString())).fetchOne(0, BigDecimal.class).longValue();
                long earned = Math.min(terms.maxAccrued(), total * terms.blocksPerHour() / 60);
                long[] account = store.blocks(tx, player);
                store.adjust(tx, player, earned - account[0], 0, 0, clock.millis(), terms.maxAccrued());
            }
            return null;
        });
        return blocks(database.dsl(), player);
    }

    ClaimBlocks blocks(DSLContext dsl, UUID player) {
        long[] account = store.blocks(dsl, player);
        long used = store.load(dsl, ClaimTables.C_OWNER.eq(player.toString()).and(ClaimTables.C_PARENT.isNull()))
                .stream().mapToLong(c -> c.box().area()).sum();
        return new ClaimBlocks(rulesFor(dsl, player).initialBlocks(), account[0], account[1], used, account[2]);
    }

    /** Refuses a claim needing more blocks than the owner has (counting {@code freed} as theirs again). */
    void require(DSLContext tx, UUID owner, long needed, long freed) {
        ClaimBlocks blocks = blocks(tx, owner);
        if (blocks.available() + freed < needed) {
            throw new RejectedException("not-enough-claim-blocks", "player " + owner + " has " + (blocks.available() + freed)
                    + " claim blocks and this claim needs " + needed + "; claim less, or earn or buy more blocks");
        }
    }

    /** The rules for one player: the base rules with the best terms of the groups last reported for them. */
    ClaimRules rulesFor(DSLContext dsl, UUID player) {
        return groupRules.isEmpty() ? rules : rules.forGroups(store.groups(dsl, player), groupRules);
    }
}
