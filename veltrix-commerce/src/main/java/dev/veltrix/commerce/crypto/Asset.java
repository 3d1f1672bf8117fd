package dev.veltrix.commerce.crypto;

/**
 * What a buyer pays in: a chain's own coin or a token on it.
 *
 * @param decimals the base units per whole unit, as a power of ten (8 for bitcoin, 18 for ether, 6 for USDC)
 * @param token    the ERC-20 contract address, or null for the chain's own coin
 * @param priceId  the asset's id at the public price API ({@code bitcoin}, {@code ethereum}, {@code usd-coin})
 */
public record Asset(String code, Chain chain, int decimals, String token, String priceId) {
    public static final Asset BTC = new Asset("BTC", Chain.BITCOIN, 8, null, "bitcoin");
    public static final Asset ETH = new Asset("ETH", Chain.ETHEREUM, 18, null, "ethereum");
    public static final Asset USDC = new Asset("USDC", Chain.ETHEREUM, 6, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "usd-coin");
}
