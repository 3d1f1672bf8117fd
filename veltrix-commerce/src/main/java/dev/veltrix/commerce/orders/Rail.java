package dev.veltrix.commerce.orders;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How an order is paid. */
public enum Rail {
    /** Bitcoin to the operator's own wallet. */
    BTC,
    /** Ether to the operator's own wallet. */
    ETH,
    /** USDC (ERC-20 on Ethereum) to the operator's own wallet. */
    USDC,
    /** Through NOWPayments, the hosted processor: the buyer pays on their page, their signed callbacks settle it. */
    NOWPAYMENTS,
    /** From the player's game-currency balance, through the ledger. */
    GAME,
    /** Entirely by gift card. */
    GIFT_CARD;

    public boolean crypto() {
        return this == BTC || this == ETH || this == USDC;
    }

    public static Rail parse(String text) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(text));
    }

    public static String list() {
        return Arrays.stream(values()).map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
