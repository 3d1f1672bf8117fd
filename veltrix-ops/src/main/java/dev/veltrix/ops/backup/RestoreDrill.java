package dev.veltrix.ops.backup;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import dev.veltrix.storage.StorageConfig;
import dev.veltrix.storage.invariant.Invariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves an archive by restoring it into a scratch SQLite database, checking each table against the manifest as it
 * loads, then checking the result ({@link RestoreCheck}). The scratch database is deleted after.
 */
public final class RestoreDrill {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreDrill.class);

    private RestoreDrill() {
    }

    /** What failed; empty when the archive restores whole and every invariant holds. */
    public static List<String> run(Path archive, List<SchemaModule> modules, Invariants invariants) {
        List<String> problems = new ArrayList<>();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("veltrix-drill-");
            // Thrown away after, and on any failure: no syncs, no journal.
            try (Database restored = Database.open(new StorageConfig("jdbc:sqlite:" + scratch.resolve("drill.db"), "", "", 2,
                    StorageConfig.SqliteSync.SCRATCH))) {
                Manifest manifest = Restore.intoScratch(restored, modules, archive).manifest();
                problems.addAll(RestoreCheck.of(restored, manifest, invariants));
            }
        } catch (Exception e) {
            LOG.warn("the restore drill of {} failed: {}", archive, e.toString());
            problems.add("the restore drill failed: " + e.getMessage());
        } finally {
            delete(scratch);
        }
        return problems;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete the drill's scratch directory {}: {}", dir, e.toString());
        }
    }
}
