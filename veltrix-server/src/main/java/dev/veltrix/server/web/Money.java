package dev.veltrix.server.web;

import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.commerce.crypto.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Amounts as people read them: 4.99 USD, 500 coins, 0.0005 BTC. */
public final class Money {
    private Money() {
    }

    /** Minor units of a fiat currency, or a game currency's amount as stored (its smallest unit). */
    public static String of(long minor, String currency) {
        if (StorePackage.isFiat(currency)) {
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return BigDecimal.valueOf(minor, Math.max(digits, 0)).toPlainString() + " " + currency;
        }
        return minor + " " + currency;
    }

    /** Base units of a crypto asset (satoshi, wei, USDC's millionths). */
    public static String of(BigInteger base, Asset asset) {
        return new BigDecimal(base, asset.decimals()).stripTrailingZeros().toPlainString() + " " + asset.code();
    }
}
