package dev.veltrix.server.simulate;

import java.math.BigDecimal;

/**
 * One simulated day as the report shows it.
 *
 * @param gini           inequality of player wealth (0 = equal, 1 = one player holds everything)
 * @param exploiterNet   what exploiters' buy-then-sell loops earned that day, in total (negative = lost)
 */
record DayRow(int day, long supply, long issued, long sunk, long volume, BigDecimal priceIndex, BigDecimal inflationDay,
              BigDecimal gini, long trades, long orders, long refused, long exploiterNet, long taxCollected) {

    static String csvHeader() {
        return "day,supply,issued,sunk,volume,price_index,inflation_day_percent,gini,shop_trades,exchange_orders,"
                + "refused,exploiter_net,tax_collected";
    }

    String csv() {
        return day + "," + supply + "," + issued + "," + sunk + "," + volume + "," + text(priceIndex) + ","
                + text(inflationDay) + "," + text(gini) + "," + trades + "," + orders + "," + refused + ","
                + exploiterNet + "," + taxCollected;
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
