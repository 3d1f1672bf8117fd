package dev.veltrix.commerce.orders;

import java.util.List;

/**
 * A basket to buy: for whom (the in-game name the buyer typed), which packages, an optional coupon and gift card,
 * and how it is paid. Prices never come from here: the catalog prices the basket.
 */
public record PlaceOrder(String playerName, List<Line> lines, String coupon, String giftCard, Rail rail) {

    public PlaceOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String packageId, int quantity) {
    }
}
