package dev.veltrix.server.api.market;

import dev.veltrix.economy.market.MarketItem;
import dev.veltrix.economy.market.PriceModel;
import dev.veltrix.server.api.Params;
import java.math.BigDecimal;

/**
 * A shop item as sent to {@code PUT /market/items/{id}}. Omitted rules take defaults: a 2% spread,
 * no decay, no move limit in 60-minute windows, no daily limits, bought back; DEMAND and STOCK
 * items float between a quarter and four times their base price unless told otherwise.
 */
record ItemBody(String name, String currency, String model, Long basePrice, BigDecimal sensitivity,
                Long floorPrice, Long ceilingPrice, Long stock, Integer halfLifeMinutes, Integer spreadBps,
                Integer maxMovePercent, Integer windowMinutes, Long dailyBuyLimit, Long dailySellLimit,
                Boolean buysBack) {

    MarketItem toItem(String id) {
        PriceModel kind = Params.choice("model", model == null ? "FLAT" : model, PriceModel.class);
        long base = basePrice == null ? 0 : basePrice;
        return new MarketItem(id, name, currency, kind, base,
                sensitivity == null ? (kind == PriceModel.FLAT ? BigDecimal.ZERO : null) : sensitivity,
                or(floorPrice, kind == PriceModel.FLAT ? base : base / 4),
                or(ceilingPrice, kind == PriceModel.FLAT ? base : Math.min(MarketItem.PRICE_MAX, base * 4)),
                or(stock, 0L), or(halfLifeMinutes, 0), or(spreadBps, 200), or(maxMovePercent, 0), or(windowMinutes, 60),
                or(dailyBuyLimit, 0L), or(dailySellLimit, 0L), buysBack == null || buysBack);
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }
}
