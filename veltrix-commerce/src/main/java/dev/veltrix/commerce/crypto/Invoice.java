package dev.veltrix.commerce.crypto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * A crypto invoice: the amount of {@code asset} an order costs at the locked {@code rate}, to be paid to
 * {@code address} before {@code expiresAt}, and where it stands as the chain last told.
 */
public record Invoice(UUID order, Asset asset, String address, BigInteger amount, BigDecimal rate, Instant createdAt,
                      Instant expiresAt, InvoiceState.Status status, BigInteger received, String flags, String paymentUri) {

    /** What is left to pay ("pay the remainder"), never below zero. */
    public BigInteger remainder() {
        return amount.subtract(received).max(BigInteger.ZERO);
    }
}
