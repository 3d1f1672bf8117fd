package dev.veltrix.commerce.orders;

import java.time.Instant;

/** One step of an order's life: placed, invoice created, payment seen, settled, delivered, expired, refunded ... */
public record TimelineEntry(Instant at, String kind, String detail) {
}
