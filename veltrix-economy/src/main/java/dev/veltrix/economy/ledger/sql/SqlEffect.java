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
}
