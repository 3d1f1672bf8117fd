package dev.veltrix.economy.market;

import java.time.Duration;

/**
 * @param quoteTtl        how long a quote can be executed
 * @param tradesPerMinute trades one player may make per minute across the shop; 0 = unlimited
 */
public record MarketSettings(Duration quoteTtl, int tradesPerMinute) {
    public static final MarketSettings DEFAULTS = new MarketSettings(Duration.ofSeconds(15), 120);
}
