package dev.veltrix.server.web;

import dev.veltrix.economy.ledger.Currency;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shows minor units the way players count them: 250 of a 2-decimal currency is 2.50. */
public final class Amounts {
    private Amounts() {
    }

    public static String format(long minorUnits, int decimals) {
        return BigDecimal.valueOf(minorUnits, decimals).toPlainString();
    }

    /** Decimals by currency code, for templates that show amounts of several currencies. */
    static Map<String, Integer> decimals(List<Currency> currencies) {
        return currencies.stream().collect(Collectors.toMap(Currency::code, Currency::decimals));
    }
}
