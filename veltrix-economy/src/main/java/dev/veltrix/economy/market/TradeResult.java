package dev.veltrix.economy.market;

/** A trade, and whether this call did it or only found it done by an earlier call with the same key. */
public record TradeResult(Trade trade, boolean replayed) {
}
