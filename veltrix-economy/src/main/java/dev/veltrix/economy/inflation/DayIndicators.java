package dev.veltrix.economy.inflation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One currency's economy on one UTC day.
 *
 * @param supply        money held inside the economy at the end of the day (issued minus sunk, ever)
 * @param faucets       money issued that day, by source (the system account it came from, without "system:")
 * @param sinks         money sunk that day, by destination
 * @param volume        money moved between players (and escrow) that day
 * @param velocity      volume over supply: how many times the money supply changed hands that day
 * @param priceIndex    the basket's price relative to the base day (= 100); null without a basket
 * @param inflationDay  percent change of the price index from the day before; null when unknown
 * @param inflationWeek percent change from seven days before; null when unknown
 */
public record DayIndicators(LocalDate day, long supply, long issued, long sunk, Map<String, Long> faucets,
                            Map<String, Long> sinks, long volume, BigDecimal velocity, BigDecimal priceIndex,
                            BigDecimal inflationDay, BigDecimal inflationWeek) {
}
