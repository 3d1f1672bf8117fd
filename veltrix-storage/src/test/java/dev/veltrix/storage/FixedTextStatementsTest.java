package dev.veltrix.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The statements the storage layer writes as text ({@link RowInserter}, {@link SelectIn}, {@link BatchUpdate}) on every database. */
class FixedTextStatementsTest {
    private static final int ROWS = 2_500; // more than one SelectIn chunk of 1,000

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void rowsWrittenAndReadByKeyListAndUpdatedInABatchComeBackExactly(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            Database database = db.database();
            List<String> consumers = IntStream.range(0, ROWS).mapToObj(i -> String.format("reader-%04d", i)).toList();
            database.inTransaction(tx -> {
                RowInserter rows = new RowInserter(table(name("outbox_cursors")),
                        List.of(field(name("consumer"), String.class), field(name("seq"), Long.class)));
                // An Integer for a BIGINT column is converted as jOOQ would convert it.
                IntStream.range(0, ROWS).forEach(i -> rows.add(consumers.get(i), i % 2 == 0 ? (Object) (long) i : (Object) i));
                rows.execute(tx);
                return null;
            });
            database.inTransaction(tx -> {
                BatchUpdate updates = new BatchUpdate("update outbox_cursors set seq = seq + ? where consumer = ?");
                updates.add(1_000_000L, consumers.get(7));
                updates.add(2_000_000L, consumers.get(2_499));
                updates.execute(tx);
                return null;
            });

            Map<String, Long> read = new TreeMap<>();
            // Every key asked for, in three chunks, with a leading bound value that filters the rows.
            SelectIn.forEach(database.dsl(), "select consumer, seq from outbox_cursors where seq >= ? and consumer in ",
                    List.of(1_000L), consumers, "", row -> read.put(row.getString(1), row.getLong(2)));

            assertThat(read).hasSize(ROWS - 1_000 + 1); // 1,000..2,499, and reader-0007 lifted past the filter
            assertThat(read).containsEntry("reader-0007", 1_000_007L).containsEntry("reader-1000", 1_000L)
                    .containsEntry("reader-2499", 2_002_499L).doesNotContainKey("reader-0999");
        }
    }
}
