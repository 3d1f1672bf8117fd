package dev.veltrix.commerce.fulfilment;

import java.util.UUID;
import org.jooq.DSLContext;

/** Adds claim blocks to a player's allowance inside the given transaction (the claims capability implements it). */
@FunctionalInterface
public interface ClaimBlockGrants {
    void grant(DSLContext tx, UUID player, long blocks);
}
