package dev.veltrix.commerce.crypto;

import dev.veltrix.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.web3j.crypto.Keys;

/**
 * What a buyer's wallet needs to pay one order: where, how much, in what. Amounts are integers in the
 * asset's base unit (satoshi, wei, a token's smallest unit), never floating point.
 *
 * @param token   an ERC-20 contract address (such as USDC's), or null for the chain's own coin
 * @param chainId the EVM chain id (1 for Ethereum mainnet); unused for Bitcoin
 * @param label   what the wallet shows (a BIP21 label), such as "Order 42"; may be null
 */
public record PaymentRequest(Chain chain, String address, BigInteger amount, String token, long chainId, String label) {
    private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public PaymentRequest {
        if (amount == null || amount.signum() <= 0) {
            throw InvalidInputException.of("amount", "a positive amount in the asset's smallest unit, got " + amount);
        }
        switch (chain) {
            case BITCOIN -> {
                if (token != null) {
                    throw InvalidInputException.of("token", "Bitcoin has no tokens; leave it empty");
                }
                try {
                    SegwitAddress.fromBech32(address, BitcoinNetwork.MAINNET);
                } catch (AddressFormatException | NullPointerException e) {
                    throw InvalidInputException.of("address", "a mainnet bech32 address (bc1...), got " + address);
                }
            }
            case ETHEREUM -> {
                checkEvmAddress("address", address);
                if (token != null) {
                    checkEvmAddress("token", token);
                }
                if (chainId < 1) {
                    throw InvalidInputException.of("chainId", "an EVM chain id (1 for Ethereum mainnet), got " + chainId);
                }
            }
        }
    }

    private static void checkEvmAddress(String field, String value) {
        if (value == null || !EVM_ADDRESS.matcher(value).matches()) {
            throw InvalidInputException.of(field, "0x and 40 hex digits, got " + value);
        }
        boolean mixedCase = !value.substring(2).equals(value.substring(2).toLowerCase(java.util.Locale.ROOT))
                && !value.substring(2).equals(value.substring(2).toUpperCase(java.util.Locale.ROOT));
        if (mixedCase && !Keys.toChecksumAddress(value).equals(value)) {
            throw InvalidInputException.of(field, "its EIP-55 checksum is wrong (a mistyped address?): " + value);
        }
    }

    /** The payment URI a wallet opens: BIP21 for Bitcoin, EIP-681 for Ethereum and ERC-20 tokens. */
    public String uri() {
        return switch (chain) {
            case BITCOIN -> "bitcoin:" + address + "?amount=" + new BigDecimal(amount, 8).stripTrailingZeros().toPlainString()
                    + (label == null ? "" : "&label=" + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20"));
            case ETHEREUM -> token == null
                    ? "ethereum:" + address + "@" + chainId + "?value=" + amount
                    : "ethereum:" + token + "@" + chainId + "/transfer?address=" + address + "&uint256=" + amount;
        };
    }
}
