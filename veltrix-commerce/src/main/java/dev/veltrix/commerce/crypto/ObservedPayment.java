package dev.veltrix.commerce.crypto;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment a watcher saw to an invoice's address, as it stands now.
 *
 * @param amount        in the asset's smallest unit
 * @param seenAt        when it was first seen (in the mempool or a block): what counts against the invoice's expiry
 * @param confirmations 0 while unconfirmed, and again 0 when its block was reorganised away
 */
public record ObservedPayment(String txId, BigInteger amount, Instant seenAt, int confirmations) {
    public ObservedPayment {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(seenAt, "seenAt");
        if (amount == null || amount.signum() <= 0 || confirmations < 0) {
            throw new IllegalArgumentException("a payment has a positive amount and confirmations >= 0");
        }
    }
}
