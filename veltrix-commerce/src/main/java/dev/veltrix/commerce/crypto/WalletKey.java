package dev.veltrix.commerce.crypto;

import dev.veltrix.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.web3j.crypto.Keys;

/**
 * An operator's account-level extended public key, checked before it is accepted, from which each order's
 * receiving address is derived ({@code <account>/0/<index>}). The server never holds a private key: the
 * checks refuse one pasted by mistake, and explain why, before anything is stored or logged.
 *
 * @param chain      the chain the key pays out on
 * @param account    the public key of the wallet's account ({@link Chain#accountPath()})
 * @param walletId   a stable, non-secret name for the key (the start of the SHA-256 of its public key)
 */
public record WalletKey(Chain chain, DeterministicKey account, String walletId) {
    /** Common wallets stop scanning after this many unused addresses in a row. */
    public static final int GAP_LIMIT = 20;
    private static final int XPUB = 0x0488B21E;
    private static final int ZPUB = 0x04B24746;
    private static final Map<Integer, String> PRIVATE = Map.of(0x0488ADE4, "xprv", 0x04B2430C, "zprv", 0x049D7878, "yprv",
            0x04358394, "tprv", 0x045F18BC, "vprv", 0x044A4E28, "uprv");
    private static final Map<Integer, String> TESTNET = Map.of(0x043587CF, "tpub", 0x045F1CF6, "vpub", 0x044A5262, "upub");
    private static final int YPUB = 0x049D7CB2;
    private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Pattern WIF = Pattern.compile("[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}");
    private static final Pattern WORDS = Pattern.compile("[a-z]+( [a-z]+){11,23}");
    private static final String NEVER = " Never paste a private key or recovery phrase anywhere: Veltrix needs only the account's extended "
            + "PUBLIC key. If this one was exposed, move the funds to a new wallet.";

    /**
     * Checks and accepts an extended public key.
     *
     * @param text        as the operator pasted it
     * @param receivePath where addresses are derived below the account: {@code 0/*} (the receiving chain)
     * @throws InvalidInputException naming what is wrong with the key and what to paste instead
     */
    public static WalletKey parse(Chain chain, String text, String receivePath) {
        checkReceivePath(receivePath);
        String key = text == null ? "" : text.strip();
        refusePrivateMaterial(key);
        byte[] bytes;
        try {
            bytes = Base58.decodeChecked(key);
        } catch (AddressFormatException e) {
            throw InvalidInputException.of("key", "not an extended public key (" + e.getMessage() + "); export the account's "
                    + (chain == Chain.BITCOIN ? "zpub" : "xpub") + " at " + chain.accountPath() + " from your wallet");
        }
        if (bytes.length != 78) {
            throw InvalidInputException.of("key", "an extended key is 78 bytes, this one " + bytes.length);
        }
        int version = ByteBuffer.wrap(bytes, 0, 4).getInt();
        if (PRIVATE.containsKey(version)) {
            throw InvalidInputException.of("key", "this is an extended PRIVATE key (" + PRIVATE.get(version) + ")." + NEVER);
        }
        if (TESTNET.containsKey(version)) {
            throw InvalidInputException.of("key", "this is a testnet key (" + TESTNET.get(version) + "); payments would go to "
                    + "testnet addresses. Export the mainnet key of your wallet");
        }
        if (version == YPUB) {
            throw InvalidInputException.of("key", "a ypub is for wrapped segwit addresses (P2SH-P2WPKH, m/49'); Veltrix pays to "
                    + "native segwit: export the zpub of the account at " + Chain.BITCOIN.accountPath());
        }
        boolean accepted = chain == Chain.BITCOIN ? version == ZPUB || version == XPUB : version == XPUB;
        if (!accepted) {
            throw InvalidInputException.of("key", (version == ZPUB ? "a zpub is a Bitcoin key" : "unknown key version "
                    + Integer.toHexString(version)) + "; for " + chain.name().toLowerCase(java.util.Locale.ROOT) + " paste the "
                    + (chain == Chain.BITCOIN ? "zpub (or xpub)" : "xpub") + " of the account at " + chain.accountPath());
        }
        int depth = bytes[4] & 0xFF;
        int child = ByteBuffer.wrap(bytes, 9, 4).getInt();
        if (depth != 3 || (child & ChildNumber.HARDENED_BIT) == 0) {
            throw InvalidInputException.of("key", "this key is at depth " + depth + "; Veltrix needs the account-level key at "
                    + chain.accountPath() + " (depth 3), from which it derives " + chain.accountPath() + "/0/i itself");
        }
        // bitcoinj reads the xpub layout; a zpub differs only in its version bytes.
        ByteBuffer.wrap(bytes, 0, 4).putInt(XPUB);
        DeterministicKey account = DeterministicKey.deserialize(BitcoinNetwork.MAINNET, bytes);
        String id = HexFormat.of().formatHex(Sha256Hash.hash(account.getPubKey()), 0, 8);
        return new WalletKey(chain, account, id);
    }

    private static void checkReceivePath(String path) {
        if (!"0/*".equals(path)) {
            String why = path != null && path.contains("'")
                    ? "a hardened path cannot be derived from a public key (only the wallet, holding the private key, can)"
                    : "Veltrix derives receiving addresses at 0/* below the account";
            throw InvalidInputException.of("receivePath", why + "; use 0/*, got " + path);
        }
    }

    private static void refusePrivateMaterial(String key) {
        if (HEX_KEY.matcher(key).matches()) {
            throw InvalidInputException.of("key", "this looks like a raw private key (64 hex digits)." + NEVER);
        }
        if (WIF.matcher(key).matches()) {
            throw InvalidInputException.of("key", "this looks like a private key in wallet import format (WIF)." + NEVER);
        }
        if (WORDS.matcher(key).matches()) {
            throw InvalidInputException.of("key", "this looks like a recovery phrase." + NEVER);
        }
    }

    /** The receiving address of one derivation index: bech32 P2WPKH for Bitcoin, EIP-55 for Ethereum. */
    public String address(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("derivation indexes are 0..2^31-1, got " + index);
        }
        DeterministicKey receiving = HDKeyDerivation.deriveChildKey(account, ChildNumber.ZERO);
        DeterministicKey key = HDKeyDerivation.deriveChildKey(receiving, new ChildNumber(index, false));
        return switch (chain) {
            case BITCOIN -> SegwitAddress.fromHash(BitcoinNetwork.MAINNET, key.getPubKeyHash()).toString();
            case ETHEREUM -> {
                byte[] point = key.getPubKeyPoint().getEncoded(false); // 0x04 || X || Y
                yield Keys.toChecksumAddress(Keys.getAddress(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 65))));
            }
        };
    }
}
