package dev.veltrix.commerce.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Paid orders of one day (UTC) in one currency: what they brought in, gift cards included, and how many. */
public record DayRevenue(LocalDate day, String currency, long amount, int orders) {

    static List<DayRevenue> merge(List<DayRevenue> rows) {
        Map<String, DayRevenue> byKey = new TreeMap<>();
        for (DayRevenue row : rows) {
            byKey.merge(row.day() + "|" + row.currency(), row,
                    (a, b) -> new DayRevenue(a.day(), a.currency(), a.amount() + b.amount(), a.orders() + b.orders()));
        }
        List<DayRevenue> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(DayRevenue::day).thenComparing(DayRevenue::currency));
        return out;
    }
}
