package dev.veltrix.server.invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.server.VeltrixNode;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.invariant.Invariants;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code veltrix verify} and every restore drill check, on every database: sound state passes, and each way the
 * state can break (money from nowhere, land claimed twice, a paid order never delivered, a row naming nothing, a treasure
 * rank given twice) is reported with what was found.
 */
class InvariantsContractTest {
    private static final Invariants INVARIANTS = VeltrixNode.invariants();

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void soundStatePassesAndEachBreakIsReportedWithWhatWasFound(SqlKind kind) {
        try (var db = TestDatabases.open(kind, VeltrixNode.schemas())) {
            DSLContext dsl = db.database().dsl();
            assertThat(INVARIANTS.check(dsl)).as("an empty network").isEmpty();
            sound(dsl);
            assertThat(INVARIANTS.check(dsl)).as("a sound network").isEmpty();
            assertThat(INVARIANTS.summary(dsl)).containsEntry("ledger.transfers", 1L).containsEntry("ledger.supply.coins", 50L)
                    .containsEntry("claims.top-level", 2L).containsEntry("claims.subdivisions", 1L).containsEntry("orders.paid", 1L)
                    .containsEntry("hunts.finds", 2L);

            // Money from nowhere: a balance with no transfer behind it.
            insert(dsl, "ledger_balances", "account", "player:bob", "currency", "coins", "balance", 7L);
            // Land claimed twice (c3 reaches into both c1 and c2), and a subdivision reaching outside its claim.
            claim(dsl, "c3", null, 5, 12);
            claim(dsl, "c4", "c1", 8, 30);
            // A paid order whose deliveries were never written, one never paid with a delivery, one naming nothing.
            order(dsl, "o2", "PAID");
            order(dsl, "o3", "PENDING");
            delivery(dsl, "d2", "o3", "PENDING");
            delivery(dsl, "d3", "o-missing", "DELIVERED");
            // A treasure rank given twice.
            insert(dsl, "hunt_finds", "hunt_id", "h1", "treasure_id", "gem", "player", "p3", "rank", 1, "at", 3L, "rewarded", 1);

            assertThat(INVARIANTS.check(dsl)).containsExactlyInAnyOrder(
                    "ledger: balances of coins sum to 7, not 0",
                    "ledger: balance of player:bob in coins is 7 but its transfers add up to 0",
                    "claims: claims c1 and c3 overlap in world overworld ((0,0,0)..(9,255,9) and (5,0,5)..(12,255,12))",
                    "claims: claims c3 and c2 overlap in world overworld ((5,0,5)..(12,255,12) and (10,0,10)..(19,255,19))",
                    "claims: subdivision c4 reaches outside its claim c1",
                    "orders: order o2 (paid) is settled without its deliveries being written",
                    "orders: order o3 (pending) is never paid, yet it has deliveries",
                    "orders: commerce_deliveries.order_id names commerce_orders rows that do not exist: 1 rows, such as [o-missing]",
                    "hunts: treasure gem of hunt h1 has 2 finds ranked 1");
        }
    }

    /** A small sound network: one transfer, two claims side by side with a subdivision, a paid order delivered, a hunt. */
    private static void sound(DSLContext dsl) {
        insert(dsl, "ledger_currencies", "code", "coins", "name", "Coins", "decimals", 0, "created_at", 0L);
        insert(dsl, "ledger_transfers", "id", "t1", "posting_id", "t1", "leg", 0, "from_account", "system:issuance", "to_account", "player:ann",
                "currency", "coins", "amount", 50L, "posted_at", 0L);
        insert(dsl, "ledger_balances", "account", "system:issuance", "currency", "coins", "balance", -50L, "last_transfer", "t1");
        insert(dsl, "ledger_balances", "account", "player:ann", "currency", "coins", "balance", 50L, "last_transfer", "t1");
        insert(dsl, "claim_worlds", "id", "overworld", "name", "Overworld", "grp", "survival", "min_x", -1000, "min_y", 0, "min_z", -1000,
                "max_x", 1000, "max_y", 255, "max_z", 1000, "created_at", 0L);
        claim(dsl, "c1", null, 0, 9);
        claim(dsl, "c2", null, 10, 19);
        claim(dsl, "c1a", "c1", 2, 4);
        order(dsl, "o1", "PAID");
        insert(dsl, "commerce_order_events", "order_id", "o1", "seq", 1, "at", 0L, "kind", "deliveries", "detail", "1 deliveries created");
        delivery(dsl, "d1", "o1", "DELIVERED");
        insert(dsl, "hunt_hunts", "id", "h1", "name", "Spring", "starts_at", 0L, "ends_at", 1L, "ordered", 0, "finish_amount", 0L,
                "finish_winners", 0, "created_at", 0L);
        insert(dsl, "hunt_finds", "hunt_id", "h1", "treasure_id", "gem", "player", "p1", "rank", 1, "at", 1L, "rewarded", 1);
        insert(dsl, "hunt_finds", "hunt_id", "h1", "treasure_id", "gem", "player", "p2", "rank", 2, "at", 2L, "rewarded", 1);
    }

    private static void claim(DSLContext dsl, String id, String parent, int from, int to) {
        insert(dsl, "claims", "id", id, "world", "overworld", "owner", "ann", "parent", parent, "min_x", from, "min_y", 0, "min_z", from,
                "max_x", to, "max_y", 255, "max_z", to, "restricted", 0, "created_at", 0L);
    }

    private static void order(DSLContext dsl, String id, String status) {
        insert(dsl, "commerce_orders", "id", id, "player", "ann", "player_name", "Ann", "currency", "EUR", "subtotal", 500L, "discount", 0L,
                "gift_card_amount", 0L, "total", 500L, "rail", "test", "status", status, "created_at", 0L, "expires_at", 1L);
    }

    private static void delivery(DSLContext dsl, String id, String order, String status) {
        insert(dsl, "commerce_deliveries", "id", id, "order_id", order, "player", "ann", "player_name", "Ann", "kind", "COMMAND", "grp", "any",
                "command", "say hi", "when_online", 0, "due_at", 0L, "status", status, "attempts", 0);
    }

    private static void insert(DSLContext dsl, String table, Object... columnsAndValues) {
        Map<org.jooq.Field<?>, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(field(name((String) columnsAndValues[i])), columnsAndValues[i + 1]);
        }
        dsl.insertInto(table(name(table))).set(row).execute();
    }
}
