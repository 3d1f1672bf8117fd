package dev.veltrix.storage.invariant;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Something that must hold in the stored state, written down as code (DESIGN.md: data rules). Each capability names
 * its own; {@code veltrix verify} runs them all on a live database or a restored archive, and every backup records
 * their summary so a restore can be compared with what was backed up.
 */
public interface Invariant {
    /** Violations reported per invariant at most: enough to act on, bounded however broken the data is. */
    int VIOLATIONS_MAX = 100;

    /** What it covers, short, such as {@code ledger} or {@code claims}; the prefix of its summary keys. */
    String area();

    /**
     * Figures a restore must reproduce exactly, such as the number of transfers or the supply of each currency, keyed
     * {@code <area>.<figure>}. Read in the caller's transaction, so a backup records them from its own snapshot.
     */
    Map<String, Long> summary(DSLContext dsl);

    /** Each violation found, saying what was found and where; empty when the invariant holds. */
    List<String> check(DSLContext dsl);
}
