package dev.veltrix.server.api.exchange;

/** A pair as sent to {@code PUT /exchange/pairs/{pair}}; omitted fields take tick 1, minimum 1, no fee. */
record PairBody(Long tickSize, Long minQuantity, Integer feeBps) {
}
