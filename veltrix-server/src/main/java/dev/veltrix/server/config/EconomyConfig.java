package dev.veltrix.server.config;

import dev.veltrix.economy.exchange.ExchangeSettings;
import dev.veltrix.economy.inflation.EconomyPolicy;
import dev.veltrix.economy.market.MarketSettings;

/** Settings of the economy's features beyond the ledger, and the operator's inflation levers. */
public record EconomyConfig(MarketSettings market, ExchangeSettings exchange, EconomyPolicy policy, FixSettings fix) {
    public static final EconomyConfig DEFAULTS = new EconomyConfig(MarketSettings.DEFAULTS, ExchangeSettings.DEFAULTS,
            EconomyPolicy.NONE, FixSettings.OFF);
}
