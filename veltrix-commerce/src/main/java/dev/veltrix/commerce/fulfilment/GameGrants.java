package dev.veltrix.commerce.fulfilment;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What the store grants in other capabilities, inside the transaction that marks the delivery done (so each is
 * granted exactly once): claim blocks (the claims capability) and battle-pass premium (progression).
 */
public interface GameGrants {
    /** Adds claim blocks to a player's allowance; a negative number takes them back (a refund). */
    void claimBlocks(DSLContext tx, UUID player, long blocks);

    /** Unlocks ({@code on}) or takes back a season's premium track for a player. */
    void passPremium(DSLContext tx, UUID player, String season, boolean on);
}
