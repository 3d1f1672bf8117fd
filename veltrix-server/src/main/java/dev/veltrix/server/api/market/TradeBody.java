package dev.veltrix.server.api.market;

/**
 * A quote request or an immediate trade.
 *
 * @param limitTotal immediate trades only: the most a buyer pays or the least a seller takes
 */
record TradeBody(String player, String side, Long quantity, Long limitTotal) {
}
