package dev.veltrix.economy.market;

import dev.veltrix.core.error.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An item the shop trades, and the rules of its price.
 *
 * @param sensitivity     fraction of the base price the marginal price moves per unit of pressure
 *                        (0.001: a 0.1% rise per net unit bought); ignored by FLAT items
 * @param stock           STOCK items: units the shop holds at rest; it can hold up to twice that
 * @param halfLifeMinutes pressure halves every this many minutes, so prices drift back to base; 0 = never
 * @param spreadBps       total buy/sell spread in basis points, split evenly around the curve price
 * @param maxMovePercent  the marginal price may move at most this much within one window; 0 = unlimited
 * @param dailyBuyLimit   units one player may buy per UTC day; 0 = unlimited (likewise for selling)
 */
public record MarketItem(String id, String name, String currency, PriceModel model, long basePrice,
                         BigDecimal sensitivity, long floorPrice, long ceilingPrice, long stock,
                         int halfLifeMinutes, int spreadBps, int maxMovePercent, int windowMinutes,
                         long dailyBuyLimit, long dailySellLimit, boolean buysBack) {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");
    public static final long PRICE_MAX = 1_000_000_000_000L;
    public static final long QUANTITY_MAX = 1_000_000;

    /** The curve this item's prices follow; FLAT items get a flat one whatever else is set. */
    public PriceCurve curve() {
        return model == PriceModel.FLAT ? PriceCurve.flat(basePrice)
                : new PriceCurve(basePrice, sensitivity, floorPrice, ceilingPrice);
    }

    /** Every problem with this definition, each naming its field; empty when it is valid. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "1..64 of a-z 0-9 _ . : - starting with a letter or digit, got " + id));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "a display name of 1..100 characters"));
        }
        if (currency == null || currency.isBlank()) {
            errors.add(new FieldError("currency", "the code of an existing currency"));
        }
        if (model == null) {
            errors.add(new FieldError("model", "one of FLAT, DEMAND, STOCK"));
        }
        if (basePrice < 1 || basePrice > PRICE_MAX) {
            errors.add(new FieldError("basePrice", "1.." + PRICE_MAX + " minor units, got " + basePrice));
        }
        if (model != null && model != PriceModel.FLAT) {
            if (sensitivity == null || sensitivity.signum() <= 0 || sensitivity.compareTo(BigDecimal.ONE) > 0) {
                errors.add(new FieldError("sensitivity", "a fraction above 0 and at most 1 (0.001 = 0.1% per unit), got " + sensitivity));
            }
            if (floorPrice < 0 || floorPrice > basePrice) {
                errors.add(new FieldError("floorPrice", "0..basePrice (" + basePrice + "), got " + floorPrice));
            }
            if (ceilingPrice < basePrice || ceilingPrice > PRICE_MAX) {
                errors.add(new FieldError("ceilingPrice", "basePrice (" + basePrice + ").." + PRICE_MAX + ", got " + ceilingPrice));
            }
        }
        if (model == PriceModel.STOCK && (stock < 1 || stock > QUANTITY_MAX * 100)) {
            errors.add(new FieldError("stock", "a STOCK item needs 1.." + QUANTITY_MAX * 100 + " units at rest, got " + stock));
        }
        if (halfLifeMinutes < 0 || halfLifeMinutes > 525_600) {
            errors.add(new FieldError("halfLifeMinutes", "0 (never decay)..525600 (a year), got " + halfLifeMinutes));
        }
        if (spreadBps < 0 || spreadBps > 5_000) {
            errors.add(new FieldError("spreadBps", "0..5000 basis points, got " + spreadBps));
        }
        if (maxMovePercent < 0 || maxMovePercent > 1_000) {
            errors.add(new FieldError("maxMovePercent", "0 (unlimited)..1000, got " + maxMovePercent));
        }
        if (windowMinutes < 1 || windowMinutes > 10_080) {
            errors.add(new FieldError("windowMinutes", "1..10080 (a week), got " + windowMinutes));
        }
        if (dailyBuyLimit < 0 || dailySellLimit < 0) {
            errors.add(new FieldError(dailyBuyLimit < 0 ? "dailyBuyLimit" : "dailySellLimit", "0 (unlimited) or more"));
        }
        return errors;
    }
}
