package dev.veltrix.ops.backup;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.Snapshot;
import dev.veltrix.storage.invariant.Invariants;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What a restore is checked against once the rows are in, on a scratch copy or on the network's new database alike:
 * each table's row count and the invariants' summary as the backup recorded them, and every invariant. Read in one
 * snapshot.
 */
public final class RestoreCheck {
    private RestoreCheck() {
    }

    /** Each difference from the backup and each broken invariant; empty when the restore is sound. */
    public static List<String> of(Database restored, Manifest manifest, Invariants invariants) throws SQLException {
        return Snapshot.read(restored, c -> {
            DSLContext dsl = Database.dsl(c, restored.kind());
            List<String> problems = new ArrayList<>();
            for (Manifest.Table t : manifest.tables()) {
                if (Tables.isSchemaHistory(t.name())) {
                    continue;
                }
                long count = dsl.fetchCount(table(name(t.name())));
                if (count != t.rows()) {
                    problems.add(t.name() + " has " + count + " rows restored; the backup holds " + t.rows());
                }
            }
            problems.addAll(Invariants.compare(manifest.summary(), invariants.summary(dsl)));
            problems.addAll(invariants.check(dsl));
            return problems;
        });
    }
}
