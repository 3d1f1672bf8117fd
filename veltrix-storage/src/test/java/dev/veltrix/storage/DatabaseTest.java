package dev.veltrix.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How transactions reach the disk: SQLite's log copied back off the writers' path, and replayable commits. */
class DatabaseTest {
    private static final long PAGE = 4096;

    @Test
    void sqliteLogIsCopiedBackOnItsOwnThreadSoItStaysSmallUnderSteadyWrites(@TempDir Path dir) {
        Path file = dir.resolve("veltrix.db");
        try (Database db = Database.open(StorageConfig.sqlite(file.toString()))) {
            db.dsl().execute("CREATE TABLE filler (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            String value = "x".repeat(200);
            int commits = 400;
            for (int c = 0; c < commits; c++) {
                int base = c * 1_000;
                db.inTransaction(tx -> {
                    var insert = tx.insertInto(DSL.table("filler"), DSL.field("k"), DSL.field("v"));
                    for (int i = 0; i < 1_000; i++) {
                        insert = insert.values(base + i, value);
                    }
                    return insert.execute();
                });
            }
            // About 80 MB went through the log. SQLite alone would let it reach its backstop mark (80 MB) before the
            // commit that crosses it copied it back; the checkpointer keeps restarting it from the beginning.
            long log = size(dir.resolve("veltrix.db-wal"));
            assertThat(log).as("log file size").isLessThan(SqliteCheckpointer.BACKSTOP_PAGES * PAGE / 4);
            assertThat(number(db.dsl().fetchValue("SELECT COUNT(*) FROM filler"))).isEqualTo(commits * 1_000L);
        }
    }

    @Test
    void aReplayableSqliteCommitSkipsOnlyItsOwnSyncAndLeavesTheConnectionSyncingEveryCommit(@TempDir Path dir) {
        // Two connections (the fewest allowed), both asked afterwards: neither may keep the relaxed level.
        StorageConfig config = new StorageConfig("jdbc:sqlite:" + dir.resolve("veltrix.db"), "", "", 2, StorageConfig.SqliteSync.FULL);
        try (Database db = Database.open(config)) {
            db.dsl().execute("CREATE TABLE cursor_state (k INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
            Object inside = db.inReplayableTransaction(tx -> {
                tx.execute("INSERT INTO cursor_state VALUES (1, 10)");
                return tx.fetchValue("PRAGMA synchronous");
            });
            assertThat(number(inside)).as("sync level inside (1 = NORMAL)").isEqualTo(1);
            assertThat(syncLevels(db)).as("sync levels after (2 = FULL)").containsExactly(2L, 2L);
            assertThat(number(db.dsl().fetchValue("SELECT v FROM cursor_state WHERE k = 1"))).isEqualTo(10);

            assertThatThrownBy(() -> db.inReplayableTransaction(tx -> {
                tx.execute("UPDATE cursor_state SET v = 11");
                throw new IllegalStateException("the consumer failed");
            })).hasMessage("the consumer failed");
            assertThat(number(db.dsl().fetchValue("SELECT v FROM cursor_state WHERE k = 1"))).as("rolled back").isEqualTo(10);
            assertThat(syncLevels(db)).as("sync levels after a failure").containsExactly(2L, 2L);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aReplayableCommitIsVisibleAtOnceAndOrdinaryTransactionsStillWaitForTheDisk(SqlKind kind) {
        try (var isolated = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            Database db = isolated.database();
            db.inReplayableTransaction(tx -> {
                if (kind == SqlKind.POSTGRES) {
                    assertThat(tx.fetchValue("SHOW synchronous_commit")).isEqualTo("off");
                }
                return tx.execute("INSERT INTO outbox_cursors (consumer, seq) VALUES ('replayed', 7)");
            });
            assertThat(number(db.dsl().fetchValue("SELECT seq FROM outbox_cursors WHERE consumer = 'replayed'"))).isEqualTo(7);
            if (kind == SqlKind.POSTGRES) {
                // SET LOCAL ends with its transaction: the pooled connection goes back committing synchronously.
                for (int i = 0; i < 20; i++) {
                    assertThat((Object) db.inTransaction(tx -> tx.fetchValue("SHOW synchronous_commit"))).isEqualTo("on");
                }
            }
        }
    }

    /** The sync level of each of the pool's two connections, held at once so both are asked. */
    private static List<Long> syncLevels(Database db) {
        try (Connection a = db.dataSource().getConnection(); Connection b = db.dataSource().getConnection()) {
            return List.of(number(Database.dsl(a, SqlKind.SQLITE).fetchValue("PRAGMA synchronous")),
                    number(Database.dsl(b, SqlKind.SQLITE).fetchValue("PRAGMA synchronous")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
