package dev.veltrix.economy.exchange;

/** An order as a call left it, and whether the call only found an earlier call's work. */
public record OrderResult(Order order, boolean replayed) {
}
