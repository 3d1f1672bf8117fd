package dev.veltrix.sdk;

import java.util.List;

/** The paying player holds less than the amount; nothing moved. Tell the player, don't retry. */
public final class InsufficientFundsException extends VeltrixApiException {
    public InsufficientFundsException(String detail) {
        super(422, "insufficient-funds", detail, List.of());
    }
}
