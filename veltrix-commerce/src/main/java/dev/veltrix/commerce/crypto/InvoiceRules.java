package dev.veltrix.commerce.crypto;

import dev.veltrix.commerce.crypto.InvoiceState.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Decides an invoice's state from the payments seen to its address, afresh each time: nothing is kept
 * between evaluations, so a reorganised block (its payment back to 0 confirmations) simply moves the
 * invoice back to processing, and a watcher restarting after downtime arrives at the same answer.
 *
 * @param confirmations  confirmations a payment needs before the invoice settles (per chain and amount)
 * @param tolerance      under-payment accepted as full payment, in percent (such as 0.5 for network fees)
 * @param monitorWindow  how long after expiry a paid invoice may still wait for confirmations before it is invalid
 */
public record InvoiceRules(int confirmations, BigDecimal tolerance, Duration monitorWindow) {

    public InvoiceRules {
        if (confirmations < 1 || confirmations > 100) {
            throw new IllegalArgumentException("confirmations must be 1..100, got " + confirmations);
        }
        if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("the under-payment tolerance is 0..10 percent, got " + tolerance);
        }
    }

    /** The same rules needing {@code n} confirmations (small orders may settle sooner). */
    public InvoiceRules withConfirmations(int n) {
        return new InvoiceRules(n, tolerance, monitorWindow);
    }

    public InvoiceState evaluate(BigInteger due, Instant expiresAt, List<ObservedPayment> payments, Instant now) {
        BigInteger enough = new BigDecimal(due).multiply(BigDecimal.ONE.subtract(tolerance.movePointLeft(2)))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        BigInteger received = BigInteger.ZERO;
        Instant paidInFullAt = null;
        for (ObservedPayment payment : payments.stream().sorted(Comparator.comparing(ObservedPayment::seenAt)).toList()) {
            received = received.add(payment.amount());
            if (paidInFullAt == null && received.compareTo(enough) >= 0) {
                paidInFullAt = payment.seenAt();
            }
        }
        boolean expired = !now.isBefore(expiresAt);
        BigInteger remainder = due.subtract(received).max(BigInteger.ZERO);
        boolean paidOver = received.compareTo(due) > 0;
        if (paidInFullAt == null) {
            boolean partly = received.signum() > 0;
            return new InvoiceState(expired ? Status.EXPIRED : Status.NEW, partly, false, false, received, remainder,
                    expired && partly);
        }
        if (!paidInFullAt.isBefore(expiresAt)) {
            // Full payment arrived after the quote's lock: the rate may have moved. An operator decides.
            return new InvoiceState(Status.EXPIRED, false, paidOver, true, received, remainder, true);
        }
        boolean confirmed = payments.stream().allMatch(p -> p.confirmations() >= confirmations);
        if (confirmed) {
            return new InvoiceState(Status.SETTLED, false, paidOver, false, received, BigInteger.ZERO, false);
        }
        Status waiting = now.isAfter(expiresAt.plus(monitorWindow)) ? Status.INVALID : Status.PROCESSING;
        return new InvoiceState(waiting, false, paidOver, false, received, BigInteger.ZERO, waiting == Status.INVALID);
    }
}
