package dev.veltrix.ops.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an archive holds, written last: the database it came from, each schema module's migration version, and every
 * table with its columns, row count and the SHA-256 of its data, and the invariants' summary read in the same snapshot
 * (ledger totals, claim and order counts), which a restore must reproduce. An archive without a manifest (a backup cut
 * off) is not an archive.
 */
public record Manifest(int format, Instant takenAt, String source, Map<String, String> schemaVersions, List<Table> tables,
                       Map<String, Long> summary) {
    public static final int FORMAT = 1;

    public Manifest {
        schemaVersions = Map.copyOf(schemaVersions);
        tables = List.copyOf(tables);
        // Ordered as the invariants list it; absent in archives written before summaries were recorded.
        summary = summary == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    }

    public record Table(String name, List<String> columns, long rows, String sha256) {
        public Table {
            columns = List.copyOf(columns);
        }
    }
}
