package dev.veltrix.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** SQLite statements kept per connection and run again: every list length, and connections that were closed. */
class ReusedStatementsTest {

    @Test
    void sqliteListsComeInPowersOfTwoThatAddUpAndOtherDatabasesInAsFewListsAsMayBe() {
        var sqlite = DSL.using(SQLDialect.SQLITE);
        assertThat(ReusedStatements.chunks(sqlite, 96, 1_000)).containsExactly(64, 32);
        assertThat(ReusedStatements.chunks(sqlite, 2_500, 1_000)).containsExactly(512, 512, 512, 512, 256, 128, 64, 4);
        assertThat(ReusedStatements.chunks(sqlite, 1, 1_000)).containsExactly(1);
        assertThat(ReusedStatements.chunks(sqlite, 0, 1_000)).isEmpty();
        var postgres = DSL.using(SQLDialect.POSTGRES);
        assertThat(ReusedStatements.chunks(postgres, 2_500, 1_000)).containsExactly(1_000, 1_000, 500);
        assertThat(ReusedStatements.chunks(postgres, 96, 1_000)).containsExactly(96);
    }

    @Test
    void statementsRunAgainWithEveryListLengthAndAfterThePoolsConnectionsWereClosed() {
        try (var db = TestDatabases.open(SqlKind.SQLITE, List.of(StorageSchema.MODULE))) {
            List<String> written = writeAndReadBack(db.database(), "first-", 70);
            Database reopened = Database.open(StorageConfig.sqlite(db.url().substring("jdbc:sqlite:".length())));
            try {
                db.database().close(); // its connections, and with them the statements prepared on them, are gone
                written.addAll(writeAndReadBack(reopened, "second-", 70));
                Map<String, Long> all = read(reopened, written);
                assertThat(all).hasSize(written.size());
            } finally {
                reopened.close();
            }
        }
    }

    @Test
    void aStatementThatFailedLeavesNothingBehindForItsNextUse() {
        try (var db = TestDatabases.open(SqlKind.SQLITE, List.of(StorageSchema.MODULE))) {
            Database database = db.database();
            database.inTransaction(tx -> {
                insert(tx, List.of("a", "b", "c", "d"));
                return null;
            });
            String rename = "update outbox_cursors set consumer = ? where consumer = ?";
            // The second row renames onto an existing consumer: the batch fails and the transaction rolls back.
            assertThatThrownBy(() -> database.inTransaction(tx -> {
                BatchUpdate renames = new BatchUpdate(rename);
                renames.add("e", "a");
                renames.add("c", "b");
                renames.execute(tx);
                return null;
            })).isNotNull();
            assertThatThrownBy(() -> database.inTransaction(tx -> {
                insert(tx, List.of("x", "d")); // a key that exists
                return null;
            })).isNotNull();
            database.inTransaction(tx -> {
                BatchUpdate renames = new BatchUpdate(rename);
                renames.add("f", "d");
                renames.execute(tx);
                insert(tx, List.of("y", "z"));
                return null;
            });
            Map<String, Long> read = new TreeMap<>();
            SelectIn.forEach(database.dsl(), "select consumer, seq from outbox_cursors where consumer in ",
                    List.of("a", "b", "c", "d", "e", "f", "x", "y", "z"), "", row -> read.put(row.getString(1), row.getLong(2)));
            assertThat(read.keySet()).as("only what the committed statements wrote").containsExactly("a", "b", "c", "f", "y", "z");
        }
    }

    private static void insert(org.jooq.DSLContext tx, List<String> consumers) {
        RowInserter rows = new RowInserter(table(name("outbox_cursors")),
                List.of(field(name("consumer"), String.class), field(name("seq"), Long.class)));
        consumers.forEach(c -> rows.add(c, 1L));
        rows.execute(tx);
    }

    /** Writes lists of 1..count rows, each read back by key right after, and returns every key written. */
    private static List<String> writeAndReadBack(Database database, String prefix, int count) {
        List<String> written = new ArrayList<>();
        for (int size = 1; size <= count; size++) {
            int n = size;
            List<String> keys = IntStream.range(0, n).mapToObj(i -> prefix + n + "-" + i).toList();
            database.inTransaction(tx -> {
                RowInserter rows = new RowInserter(table(name("outbox_cursors")),
                        List.of(field(name("consumer"), String.class), field(name("seq"), Long.class)));
                for (int i = 0; i < n; i++) {
                    rows.add(keys.get(i), (long) n * 1_000 + i);
                }
                rows.execute(tx);
                BatchUpdate lift = new BatchUpdate("update outbox_cursors set seq = seq + ? where consumer = ?");
                lift.add(1L, keys.getFirst());
                lift.execute(tx);
                return null;
            });
            Map<String, Long> expected = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                expected.put(keys.get(i), (long) n * 1_000 + i + (i == 0 ? 1 : 0));
            }
            assertThat(read(database, keys)).as("rows of a list of %d", n).isEqualTo(expected);
            written.addAll(keys);
        }
        return written;
    }

    private static Map<String, Long> read(Database database, List<String> keys) {
        Map<String, Long> read = new TreeMap<>();
        SelectIn.forEach(database.dsl(), "select consumer, seq from outbox_cursors where consumer in ", keys, "",
                row -> read.put(row.getString(1), row.getLong(2)));
        return read;
    }
}
