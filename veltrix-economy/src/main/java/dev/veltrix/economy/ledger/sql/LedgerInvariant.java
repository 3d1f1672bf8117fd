package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import dev.veltrix.storage.invariant.Invariant;
import dev.veltrix.storage.invariant.Reference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The books balance: every currency's balances sum to zero, no player holds less than nothing, every balance is the sum
 * of its account's entries, every transfer has its two entries (debit and credit of its amount), every entry is reached
 * once by the links an account's history is read by, and nothing names a currency or transfer that does not exist. Sized for large books: the sound case costs a few sequential scans (see
 * {@link LedgerFingerprint}); the queries that name each broken row run only when something is broken.
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
                .forEach(c -> violations.add("transfers, entries or balances in " + c + ", a currency that does not exist"));
        // The fingerprint says whether something is off; these name what (slow on large books, so only then).
        if (!fingerprint.balancesMatchEntries()) {
            int before = violations.size();
            balancesMatchEntries(dsl, violations);
            if (violations.size() == before) {
                violations.add("the balances do not match the entries of their accounts");
            }
        }
        if (!fingerprint.entriesMatchTransfers()) {
            int before = violations.size();
            transfersHaveTheirEntries(dsl, violations);
            violations.addAll(new Reference("ledger_entries", "transfer_id", "ledger_transfers", "id").check(dsl));
            if (violations.size() == before) {
                violations.add("the entries do not match their transfers one for one (an entry's amount, currency or transfer differs)");
            }
        }
        if (!fingerprint.linksReachEveryEntry()) {
            violations.add("the history links do not reach every entry exactly once from its balance's newest transfer:"
                    + " account histories may leave transfers out or list them twice");
        }
        return violations.size() > VIOLATIONS_MAX ? violations.subList(0, VIOLATIONS_MAX) : violations;
    }

    private static void balancesMatchEntries(DSLContext dsl, List<String> violations) {
        Field<BigDecimal> entrySum = field(name("entry_sum"), BigDecimal.class);
        var perAccount = dsl.select(EN_ACCOUNT.as("account"), EN_CURRENCY.as("currency"), sum(EN_DELTA).as(entrySum))
                .from(ENTRIES).groupBy(EN_ACCOUNT, EN_CURRENCY).asTable("e");
        Field<String> eAccount = perAccount.field("account", String.class);
        Field<String> eCurrency = perAccount.field("currency", String.class);
        Field<BigDecimal> eSum = perAccount.field(entrySum);
        // Qualified: the derived table has columns of the same names.
        Field<String> account = field(name("ledger_balances", "account"), String.class);
        Field<String> currency = field(name("ledger_balances", "currency"), String.class);
        Field<Long> balance = field(name("ledger_balances", "balance"), Long.class);
        dsl.select(account, currency, balance, eSum).from(BALANCES)
                .leftJoin(perAccount).on(eAccount.eq(account).and(eCurrency.eq(currency)))
                .where(coalesce(eSum, val(BigDecimal.ZERO)).ne(balance.cast(WIDE_DECIMAL)))
                .limit(VIOLATIONS_MAX)
                .forEach(r -> violations.add("balance of " + r.value1() + " in " + r.value2() + " is " + r.value3()
                        + " but its entries sum to " + (r.value4() == null ? 0 : r.value4())));
    }

    /** Per currency, the entries are twice the transfers in number and their credits add up to the transfers' amounts. */
    private static void transfersHaveTheirEntries(DSLContext dsl, List<String> violations) {
        Map<String, long[]> transfers = new TreeMap<>();
        dsl.select(TR_CURRENCY, count(), sum(TR_AMOUNT)).from(TRANSFERS).groupBy(TR_CURRENCY)
                .forEach(r -> transfers.put(r.value1(), new long[] {r.value2(), r.value3().longValueExact()}));
        Map<String, long[]> entries = new TreeMap<>();
        dsl.select(EN_CURRENCY, count(), sum(when(EN_DELTA.gt(0L), EN_DELTA).otherwise(0L))).from(ENTRIES).groupBy(EN_CURRENCY)
                .forEach(r -> entries.put(r.value1(), new long[] {r.value2(), r.value3().longValueExact()}));
        Set<String> all = new java.util.TreeSet<>(transfers.keySet());
        all.addAll(entries.keySet());
        for (String currency : all) {
            long[] t = transfers.getOrDefault(currency, new long[2]);
            long[] e = entries.getOrDefault(currency, new long[2]);
            if (e[0] != 2 * t[0]) {
                violations.add(currency + " has " + t[0] + " transfers but " + e[0] + " entries; each transfer has two");
            }
            if (e[1] != t[1]) {
                violations.add(currency + " transfers move " + t[1] + " but their entries credit " + e[1]);
            }
        }
    }
}
