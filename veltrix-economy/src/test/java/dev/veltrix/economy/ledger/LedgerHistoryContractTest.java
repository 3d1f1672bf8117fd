package dev.veltrix.economy.ledger;

import static dev.veltrix.economy.ledger.LedgerFixture.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An account's history is read by following each currency's chain of transfers (each links to the account's transfer
 * before it): every transfer of the account comes back once, newest first across currencies, page by page.
 */
class LedgerHistoryContractTest {

    private static TransferRequest move(AccountId from, AccountId to, String currency, long amount) {
        return new TransferRequest(from, to, currency, amount, null, null);
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void historyMergesEveryCurrencyNewestFirstAcrossPages(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            f.ledger.createCurrency(new Currency("gems", "Gems", 2));
            AccountId ann = player();
            AccountId bob = player();
            List<UUID> posted = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                posted.add(f.issue(ann, 100 * i).transfers().getFirst().id());
                posted.add(f.ledger.transfer(UUID.randomUUID().toString(), move(AccountId.ISSUANCE, ann, "gems", i)).transfers().getFirst().id());
                posted.add(f.ledger.transfer(UUID.randomUUID().toString(), move(ann, bob, "coins", i)).transfers().getFirst().id());
            }
            // One posting whose legs touch ann twice in the same currency: both entries are linked, in leg order.
            PostResult batch = f.ledger.batch(UUID.randomUUID().toString(),
                    List.of(move(ann, bob, "gems", 1), move(bob, ann, "coins", 1), move(ann, AccountId.SINK, "gems", 2)));
            batch.transfers().forEach(t -> posted.add(t.id()));

            List<UUID> read = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<Transfer> page = f.ledger.history(ann, cursor, 4);
                page.items().forEach(t -> read.add(t.id()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null && pages < 10);

            assertThat(read).containsExactlyElementsOf(posted.reversed());
            assertThat(pages).isEqualTo(4); // 15 transfers, 4 a page
            assertThat(f.ledger.history(bob, null, 200).items()).extracting(Transfer::id)
                    .containsExactly(batch.transfers().get(1).id(), batch.transfers().get(0).id(), posted.get(11), posted.get(8),
                            posted.get(5), posted.get(2));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aCursorOfAnotherAccountOrAnEditedOneIsRefused(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            AccountId ann = player();
            AccountId bob = player();
            for (int i = 1; i <= 3; i++) {
                f.issue(ann, i);
                f.issue(bob, 10 * i);
            }
            String annCursor = f.ledger.history(ann, null, 1).nextCursor();
            assertThat(annCursor).startsWith("coins:");

            assertThatThrownBy(() -> f.ledger.history(bob, annCursor, 10)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().message())
                            .contains("does not belong to " + bob.value()));
            assertThatThrownBy(() -> f.ledger.history(ann, annCursor.replace("coins:", "gems:"), 10))
                    .isInstanceOf(InvalidInputException.class);
            for (String edited : List.of("coins:", "coins:x", "Coins:" + UUID.randomUUID(), "coins:" + UUID.randomUUID() + ",coins:"
                    + UUID.randomUUID(), ",", annCursor + ",")) {
                assertThatThrownBy(() -> f.ledger.history(ann, edited, 10)).as(edited).isInstanceOf(InvalidInputException.class);
            }
            assertThat(f.ledger.history(ann, annCursor, 10).items()).extracting(Transfer::amount).containsExactly(2L, 1L);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void verifyFindsALinkThatSkipsATransfer(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            AccountId ann = player();
            List<UUID> ids = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ids.add(f.issue(ann, i).transfers().getFirst().id());
            }
            assertThat(f.ledger.verify()).isEmpty();
            // The newest transfer links past the middle one to the first: the middle one drops out of ann's history.
            f.db.database().dsl().execute("update ledger_transfers set prev_to = ? where id = ?", ids.get(0).toString(),
                    ids.get(2).toString());

            assertThat(f.ledger.history(ann, null, 10).items()).extracting(Transfer::amount).containsExactly(3L, 1L);
            assertThat(f.ledger.verify()).containsExactly("the history links do not reach every transfer exactly once from"
                    + " each of its balances: account histories may leave transfers out or list them twice");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void transfersPostedBeforeTheyWereLinkedKeepTheirHistoryAndNewOnesFollowThem(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE))) {
            Flyway.configure().dataSource(db.database().dataSource()).locations(JooqLedgerStore.SCHEMA.location())
                    .table(JooqLedgerStore.SCHEMA.historyTable()).placeholders(kind.migrationPlaceholders())
                    .baselineOnMigrate(true).baselineVersion("0").target("1").load().migrate();
            AccountId ann = player();
            AccountId bob = player();
            String t1 = "0193a000-0000-7000-8000-000000000001";
            String t2 = "0193a000-0000-7000-8000-000000000002";
            String t3 = "0193a000-0000-7000-8000-000000000003";
            db.database().inTransaction(tx -> {
                tx.execute("insert into ledger_currencies (code, name, decimals, created_at) values ('coins', 'Coins', 0, 0)");
                tx.execute("insert into ledger_currencies (code, name, decimals, created_at) values ('gems', 'Gems', 0, 0)");
                for (String[] t : List.of(new String[] {t1, "system:issuance", ann.value(), "coins", "100"},
                        new String[] {t2, ann.value(), bob.value(), "coins", "30"},
                        new String[] {t3, "system:issuance", ann.value(), "gems", "5"})) {
                    tx.execute("insert into ledger_transfers (id, posting_id, leg, from_account, to_account, currency, amount, posted_at)"
                            + " values (?, ?, 0, ?, ?, ?, ?, 0)", t[0], t[0], t[1], t[2], t[3], Long.parseLong(t[4]));
                    tx.execute("insert into ledger_entries (account, transfer_id, currency, delta) values (?, ?, ?, ?)",
                            t[1], t[0], t[3], -Long.parseLong(t[4]));
                    tx.execute("insert into ledger_entries (account, transfer_id, currency, delta) values (?, ?, ?, ?)",
                            t[2], t[0], t[3], Long.parseLong(t[4]));
                }
                tx.execute("insert into ledger_balances (account, currency, balance) values (?, 'coins', 70), (?, 'coins', 30),"
                        + " ('system:issuance', 'coins', -100), (?, 'gems', 5), ('system:issuance', 'gems', -5)", ann.value(), bob.value(),
                        ann.value());
                return null;
            });
            db.database().migrate(List.of(JooqLedgerStore.SCHEMA));
            try (var ledger = new LedgerService(new JooqLedgerStore(db.database(), Clock.systemUTC(), new ObjectMapper()),
                    LedgerSettings.DEFAULTS, LedgerObserver.NONE)) {
                assertThat(ledger.verify()).isEmpty();
                assertThat(ledger.history(ann, null, 10).items()).extracting(t -> t.id().toString()).containsExactly(t3, t2, t1);

                UUID next = ledger.transfer("after-the-migration", move(ann, bob, "coins", 20)).transfers().getFirst().id();
                Page<Transfer> first = ledger.history(ann, null, 2);
                assertThat(first.items()).extracting(t -> t.id().toString()).containsExactly(next.toString(), t3);
                assertThat(ledger.history(ann, first.nextCursor(), 2).items()).extracting(t -> t.id().toString())
                        .containsExactly(t2, t1);
                assertThat(ledger.history(bob, null, 10).items()).extracting(t -> t.id().toString())
                        .containsExactly(next.toString(), t2);
                assertThat(ledger.balances(ann)).extracting(Balance::amount).containsExactly(50L, 5L);
                assertThat(ledger.verify()).isEmpty();
            }
        }
    }
}
