package dev.veltrix.server.config;

import dev.veltrix.economy.exchange.ExchangeSettings;
import dev.veltrix.economy.market.MarketSettings;

/** Settings of the economy's features beyond the ledger. */
public record EconomyConfig(MarketSettings market, ExchangeSettings exchange) {
    public static final EconomyConfig DEFAULTS = new EconomyConfig(MarketSettings.DEFAULTS, ExchangeSettings.DEFAULTS);
}
