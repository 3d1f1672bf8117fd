package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import dev.veltrix.storage.invariant.Invariant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The books balance: every currency's balances sum to zero, no player holds less than nothing, every balance is what
 * its account's transfers add up to, every transfer is reached once from each of its two balances by the links an
 * account's history is read by, and nothing names a currency that does not exist. Sized for large books: the sound
 * case costs one sequential scan of each table (see {@link LedgerFingerprint}); the queries that name each broken row
 * run only when something is broken.
 */
public final class LedgerInvariant implements Invariant {
    private static final org.jooq.DataType<BigDecimal> WIDE_DECIMAL = org.jooq.impl.SQLDataType.DECIMAL(38, 0);

    @Override
    public String area() {
        return "ledger";
    }

    @Override
    public Map<String, Long> summary(DSLContext dsl) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("ledger.currencies", (long) dsl.fetchCount(CURRENCIES));
        summary.put("ledger.balances", (long) dsl.fetchCount(BALANCES));
        summary.put("ledger.transfers", (long) dsl.fetchCount(TRANSFERS));
        // What players hold per currency: the figure an economy is judged by, and one a lost row would change.
        dsl.select(BAL_CURRENCY, sum(BAL_AMOUNT)).from(BALANCES).where(BAL_ACCOUNT.like("player:%")).groupBy(BAL_CURRENCY)
                .orderBy(BAL_CURRENCY).forEach(r -> summary.put("ledger.supply." + r.value1(), r.value2().longValueExact()));
        return summary;
    }

    @Override
    public List<String> check(DSLContext dsl) {
        List<String> violations = new ArrayList<>();
        dsl.select(BAL_CURRENCY, sum(BAL_AMOUNT)).from(BALANCES).groupBy(BAL_CURRENCY)
                .having(sum(BAL_AMOUNT).ne(BigDecimal.ZERO)).limit(VIOLATIONS_MAX)
                .forEach(r -> violations.add("balances of " + r.value1() + " sum to " + r.value2() + ", not 0"));
        dsl.select(BAL_ACCOUNT, BAL_CURRENCY, BAL_AMOUNT).from(BALANCES)
                .where(BAL_ACCOUNT.like("player:%").and(BAL_AMOUNT.lt(0L))).limit(VIOLATIONS_MAX)
                .forEach(r -> violations.add("player " + r.value1() + " holds " + r.value3() + " " + r.value2()));
        LedgerFingerprint fingerprint = LedgerFingerprint.of(dsl);
        Set<String> known = Set.copyOf(dsl.select(CUR_CODE).from(CURRENCIES).fetch(CUR_CODE));
        fingerprint.currencies().stream().filter(c -> !known.contains(c))
                .forEach(c -> violations.add("transfers or balances in " + c + ", a currency that does not exist"));
        // The fingerprint says whether something is off; this names what (slow on large books, so only then).
        if (!fingerprint.balancesMatchTransfers()) {
            int before = violations.size();
            balancesMatchTransfers(dsl, violations);
            if (violations.size() == before) {
                violations.add("the balances do not match the transfers of their accounts");
            }
        }
        if (!fingerprint.linksReachEveryTransfer()) {
            violations.add("the history links do not reach every transfer exactly once from each of its balances:"
                    + " account histories may leave transfers out or list them twice");
        }
        return violations.size() > VIOLATIONS_MAX ? violations.subList(0, VIOLATIONS_MAX) : violations;
    }

    private static void balancesMatchTransfers(DSLContext dsl, List<String> violations) {
        Field<String> flowAccount = field(name("account"), String.class);
        Field<String> flowCurrency = field(name("currency"), String.class);
        Field<BigDecimal> flowDelta = field(name("delta"), BigDecimal.class);
        var flows = dsl.select(TR_TO.as(flowAccount), TR_CURRENCY.as(flowCurrency), TR_AMOUNT.cast(WIDE_DECIMAL).as(flowDelta))
                .from(TRANSFERS)
                .unionAll(dsl.select(TR_FROM, TR_CURRENCY, TR_AMOUNT.cast(WIDE_DECIMAL).neg()).from(TRANSFERS))
                .asTable("f");
        Field<BigDecimal> transferSum = field(name("transfer_sum"), BigDecimal.class);
        var perAccount = dsl.select(flows.field(flowAccount).as("account"), flows.field(flowCurrency).as("currency"),
                        sum(flows.field(flowDelta)).as(transferSum))
                .from(flows).groupBy(flows.field(flowAccount), flows.field(flowCurrency)).asTable("t");
        Field<String> tAccount = perAccount.field("account", String.class);
        Field<String> tCurrency = perAccount.field("currency", String.class);
        Field<BigDecimal> tSum = perAccount.field(transferSum);
        // Qualified: the derived table has columns of the same names.
        Field<String> account = field(name("ledger_balances", "account"), String.class);
        Field<String> currency = field(name("ledger_balances", "currency"), String.class);
        Field<Long> balance = field(name("ledger_balances", "balance"), Long.class);
        dsl.select(account, currency, balance, tSum).from(BALANCES)
                .leftJoin(perAccount).on(tAccount.eq(account).and(tCurrency.eq(currency)))
                .where(coalesce(tSum, val(BigDecimal.ZERO)).ne(balance.cast(WIDE_DECIMAL)))
                .limit(VIOLATIONS_MAX)
                .forEach(r -> violations.add("balance of " + r.value1() + " in " + r.value2() + " is " + r.value3()
                        + " but its transfers add up to " + (r.value4() == null ? 0 : r.value4())));
    }
}
