package dev.veltrix.economy.ledger;

import static dev.veltrix.economy.ledger.LedgerFixture.move;
import static dev.veltrix.economy.ledger.LedgerFixture.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger's behaviour, identical on SQLite, PostgreSQL and MariaDB. */
class LedgerContractTest {


    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void movesMoneyAndKeepsEveryCurrencySummingToZero(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var alice = player();
            var bob = player();
            f.issue(alice, 500);
            PostResult paid = f.ledger.transfer("pay-1", new TransferRequest(alice, bob, "coins", 120, "shop:sword",
                    Map.of("item", "diamond_sword")));

            assertThat(f.balance(alice)).isEqualTo(380);
            assertThat(f.balance(bob)).isEqualTo(120);
            assertThat(f.balance(AccountId.ISSUANCE)).isEqualTo(-500);
            assertThat(paid.transfers()).singleElement().satisfies(t -> {
                assertThat(t.reference()).isEqualTo("shop:sword");
                assertThat(t.metadata()).containsEntry("item", "diamond_sword");
            });
            assertThat(f.ledger.supply("coins")).isEqualTo(new Supply("coins", 500, 2, -500));
            assertThat(f.ledger.verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void refusesAnOverdraftAndChangesNothing(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var alice = player();
            var bob = player();
            f.issue(alice, 100);
            assertThatThrownBy(() -> f.ledger.transfer("k1", move(alice, bob, 101)))
                    .isInstanceOfSatisfying(RejectedException.class,
                            e -> assertThat(e.problemType()).isEqualTo("insufficient-funds"))
                    .hasMessageContaining("holds less than 101");
            assertThat(f.balance(alice)).isEqualTo(100);
            assertThat(f.balance(bob)).isZero();
            assertThat(f.ledger.history(bob, null, 10).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aBatchIsAllOrNothing(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var alice = player();
            var bob = player();
            var carol = player();
            f.issue(alice, 100);
            // The first leg alone would succeed; the second overdraws bob even after the first pays him.
            assertThatThrownBy(() -> f.ledger.batch("b1", List.of(move(alice, bob, 60), move(bob, carol, 61))))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageStartingWith("transfers[1]: ");
            assertThat(f.balance(alice)).isEqualTo(100);
            assertThat(f.balance(bob)).isZero();
            assertThat(f.balance(carol)).isZero();

            PostResult ok = f.ledger.batch("b2", List.of(move(alice, bob, 60), move(bob, carol, 60)));
            assertThat(ok.transfers()).hasSize(2).allSatisfy(t -> assertThat(t.postingId()).isEqualTo(ok.postingId()));
            assertThat(f.balance(carol)).isEqualTo(60);
            assertThat(f.ledger.verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aRetryWithTheSameKeyReturnsTheFirstResultAndMovesNothing(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var alice = player();
            var bob = player();
            f.issue(alice, 100);
            PostResult first = f.ledger.transfer("same-key", move(alice, bob, 30));
            PostResult again = f.ledger.transfer("same-key", move(alice, bob, 30));

            assertThat(again.replayed()).isTrue();
            assertThat(again.transfers()).isEqualTo(first.transfers());
            assertThat(f.balance(bob)).isEqualTo(30);
            assertThatThrownBy(() -> f.ledger.transfer("same-key", move(alice, bob, 31)))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.problemType()).isEqualTo("idempotency-key-reused"));
            assertThat(f.balance(bob)).isEqualTo(30);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void reportsEveryInvalidFieldAtOnce(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var alice = player();
            assertThatThrownBy(() -> f.ledger.batch("k", List.of(
                    new TransferRequest(alice, alice, "gold", 0, "", null),
                    move(AccountId.ISSUANCE, alice, TransferRequest.AMOUNT_MAX + 1))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(fe -> fe.field())
                            .containsExactlyInAnyOrder("transfers[0].currency", "transfers[0].amount",
                                    "transfers[0].to", "transfers[0].reference", "transfers[1].amount"));
            assertThatThrownBy(() -> f.ledger.transfer("", move(AccountId.ISSUANCE, alice, 1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing was posted");
            assertThat(f.ledger.balances(alice)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void refusesToPushABalancePastTheCeiling(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var whale = player();
            f.issue(whale, TransferRequest.AMOUNT_MAX);
            assertThatThrownBy(() -> f.issue(whale, 1))
                    .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.problemType()).isEqualTo("balance-limit"));
            assertThat(f.balance(whale)).isEqualTo(TransferRequest.AMOUNT_MAX);
            assertThat(f.ledger.verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void pagesThroughHistoryNewestFirstAndRanksTheRichest(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var alice = player();
            List<AccountId> others = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                others.add(player());
                f.issue(others.getLast(), i * 10L);
                f.issue(alice, i);
            }
            Page<Transfer> first = f.ledger.history(alice, null, 2);
            Page<Transfer> second = f.ledger.history(alice, first.nextCursor(), 2);
            Page<Transfer> third = f.ledger.history(alice, second.nextCursor(), 2);
            assertThat(first.items()).extracting(Transfer::amount).containsExactly(5L, 4L);
            assertThat(second.items()).extracting(Transfer::amount).containsExactly(3L, 2L);
            assertThat(third.items()).extracting(Transfer::amount).containsExactly(1L);
            assertThat(third.nextCursor()).isNull();

            assertThat(f.ledger.top("coins", 3)).extracting(Balance::account)
                    .containsExactly(others.get(4), others.get(3), others.get(2));
            assertThatThrownBy(() -> f.ledger.top("gold", 3)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.ledger.history(alice, "not-a-cursor", 2)).isInstanceOf(InvalidInputException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void everyChangeWritesItsEventInTheSameTransaction(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            var alice = player();
            PostResult grant = f.issue(alice, 42);
            var events = dev.veltrix.storage.outbox.Outbox.readAfter(f.db.database().dsl(), 0, 10);
            assertThat(events).extracting(e -> e.event().type()).containsExactly("currency.created", "transfer.posted");
            assertThat(events.get(0).event().payload()).contains("\"code\":\"coins\"");
            assertThat(events.get(1).event().key()).isEqualTo(grant.postingId().toString());
            assertThat(events.get(1).event().payload()).contains("\"amount\":42").contains(alice.value());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aCurrencyCannotBeDefinedTwice(SqlKind kind) {
        try (var f = new LedgerFixture(kind)) {
            assertThatThrownBy(() -> f.ledger.createCurrency(new Currency("coins", "Other coins", 2)))
                    .isInstanceOf(ConflictException.class);
            assertThat(f.ledger.currencies()).containsExactly(new Currency("coins", "Coins", 0));
        }
    }
}
