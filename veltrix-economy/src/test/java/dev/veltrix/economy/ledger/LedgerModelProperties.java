package dev.veltrix.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.SqlKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any sequence of transfers, overdrafts included, leaves the ledger exactly where a plain map of
 * balances says it should be: conservation of money, no player below zero, refusals change nothing.
 */
class LedgerModelProperties {
    private static final List<AccountId> ACCOUNTS = List.of(AccountId.ISSUANCE, AccountId.SINK,
            LedgerFixture.player(), LedgerFixture.player(), LedgerFixture.player());
    private static LedgerFixture fixture;

    @BeforeContainer
    static void open() {
        fixture = new LedgerFixture(SqlKind.SQLITE);
    }

    @AfterContainer
    static void close() {
        fixture.close();
    }

    record Move(int from, int to, long amount) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, ACCOUNTS.size() - 1);
        return Combinators.combine(index, index, Arbitraries.longs().between(1, 500))
                .filter((from, to, amount) -> !from.equals(to))
                .as(Move::new)
                .list().ofMaxSize(25);
    }

    @Property(tries = 60)
    void theLedgerAgreesWithASimpleModel(@ForAll("moves") List<Move> moves) {
        Map<AccountId, Long> model = new HashMap<>();
        ACCOUNTS.forEach(a -> model.put(a, fixture.balance(a)));
        for (Move move : moves) {
            AccountId from = ACCOUNTS.get(move.from());
            AccountId to = ACCOUNTS.get(move.to());
            boolean affordable = from.mayGoNegative() || model.get(from) >= move.amount();
            try {
                fixture.ledger.transfer(UUID.randomUUID().toString(), LedgerFixture.move(from, to, move.amount()));
                assertThat(affordable).as("posted %s", move).isTrue();
                model.merge(from, -move.amount(), Long::sum);
                model.merge(to, move.amount(), Long::sum);
            } catch (RejectedException e) {
                assertThat(affordable).as("refused %s", move).isFalse();
            }
        }
        ACCOUNTS.forEach(a -> assertThat(fixture.balance(a)).as("balance of %s", a).isEqualTo(model.get(a)));
        assertThat(model.values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(fixture.ledger.verify()).isEmpty();
    }
}
