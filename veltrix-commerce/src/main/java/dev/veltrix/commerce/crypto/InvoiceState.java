package dev.veltrix.commerce.crypto;

import java.math.BigInteger;

/**
 * Where an invoice stands, in the style of BTCPay Server: a status and the exceptions that go with it.
 *
 * @param received  everything seen paid, confirmed or not
 * @param remainder what is still due (0 when paid in full or over); "pay the remainder" asks for this
 * @param review    an operator must look at it: paid late or partly after expiry, never lost, never settled alone
 */
public record InvoiceState(Status status, boolean paidPartially, boolean paidOver, boolean paidLate, BigInteger received,
                           BigInteger remainder, boolean review) {

    public enum Status {
        /** Waiting for payment (maybe partly paid). */
        NEW,
        /** Paid in full, waiting for confirmations. */
        PROCESSING,
        /** Paid in full and confirmed: deliver. */
        SETTLED,
        /** Not paid in full in time. */
        EXPIRED,
        /** Paid, but the payment never confirmed within the monitoring window. */
        INVALID
    }
}
