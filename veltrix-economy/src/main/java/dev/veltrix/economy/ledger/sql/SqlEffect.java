package dev.veltrix.economy.ledger.sql;

import dev.veltrix.economy.ledger.SameTransaction;
import dev.veltrix.economy.ledger.Transfer;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The SQL side of {@link SameTransaction}: writes its rows with the transaction that posts the
 * transfers. Throwing fails the posting (and only it: the group is retried posting by posting).
 */
public interface SqlEffect extends SameTransaction {
    void write(DSLContext tx, List<Transfer> posted);

    /**
     * A writer that writes many effects of this kind in a few statements, or null to write this one
     * alone. A group commit hands every effect with the same writer to it at once, in posting order,
     * as the ledger writes its own rows: a fixed number of statements per group, not per posting.
     */
    default GroupWriter groupWriter() {
        return null;
    }

    /** Writes a group's effects of one kind together. */
    @FunctionalInterface
    interface GroupWriter {
        void writeAll(DSLContext tx, List<SqlEffect> effects);
    }
}
