package dev.veltrix.economy.ledger;

import java.util.Map;

/**
 * Where a currency moved in a period, seen from the economy's inside (players and the system
 * accounts that only hold players' money, such as an escrow).
 *
 * @param faucets money that entered, by the system account it came from
 * @param sinks   money that left, by the system account it went to
 * @param volume  money moved between inside accounts (trade between players)
 */
public record Flows(String currency, Map<String, Long> faucets, Map<String, Long> sinks, long volume, long transfers) {

    public long issued() {
        return faucets.values().stream().mapToLong(Long::longValue).sum();
    }

    public long sunk() {
        return sinks.values().stream().mapToLong(Long::longValue).sum();
    }
}
