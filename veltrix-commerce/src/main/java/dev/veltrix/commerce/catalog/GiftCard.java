package dev.veltrix.commerce.catalog;

/** A prepaid code with a balance in one fiat currency, spent across orders until empty. */
public record GiftCard(String code, String currency, long initial, long balance) {
}
