package dev.veltrix.economy.inflation;

import java.time.LocalDate;
import java.util.List;

/**
 * A currency's indicators over a range of days, oldest first, and what the policy levers did.
 *
 * @param basket the shop items whose prices make the price index
 */
public record Indicators(String currency, LocalDate baseDay, List<String> basket, List<DayIndicators> days,
                         LeverEffects levers) {
}
