package dev.veltrix.economy.market;

/**
 * How an item's price moves: FLAT never moves; DEMAND moves with net buys minus sells; STOCK
 * moves with the shop's stock, which is finite (players cannot buy more than the shop holds, nor
 * sell it more than it has room for). DEMAND and STOCK decay back toward the base price.
 */
public enum PriceModel {
    FLAT, DEMAND, STOCK
}
