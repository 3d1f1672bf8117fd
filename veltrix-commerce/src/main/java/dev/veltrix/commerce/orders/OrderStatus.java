package dev.veltrix.commerce.orders;

/** Where an order stands. */
public enum OrderStatus {
    /** Placed, waiting for its payment. */
    PENDING,
    /** Paid and settled: its deliveries exist. */
    PAID,
    /** Not paid in time; its stock, coupon use and gift-card amount were given back. */
    EXPIRED,
    /** Paid late, partly after expiry, or in the wrong asset: an operator decides. Never lost, never delivered alone. */
    REVIEW,
    /** Paid, then refunded or charged back: its grants reversed and revoke commands sent. */
    REFUNDED,
    /** Given up before payment (the payment was refused, or an operator cancelled it). */
    CANCELLED
}
