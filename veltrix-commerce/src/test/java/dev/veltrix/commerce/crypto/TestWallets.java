package dev.veltrix.commerce.crypto;

import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;

/** The well-known test phrase "abandon abandon ... about" and the account keys a wallet exports for it (tests only). */
public final class TestWallets {
    public static final List<String> MNEMONIC = List.of("abandon", "abandon", "abandon", "abandon", "abandon", "abandon",
            "abandon", "abandon", "abandon", "abandon", "abandon", "about");
    /** BIP84's published account key of the phrase. */
    public static final String BITCOIN_ZPUB =
            "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";

    private TestWallets() {
    }

    /** The account key of the phrase at m/purpose'/coin'/0', with its private half. */
    public static DeterministicKey account(int purpose, int coin) {
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(MnemonicCode.toSeed(MNEMONIC, ""));
        for (int level : new int[] {purpose, coin, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(level, true));
        }
        return key;
    }

    /** The Ethereum account's xpub (m/44'/60'/0'), as a wallet exports it. */
    public static String ethereumXpub() {
        return account(44, 60).serializePubB58(BitcoinNetwork.MAINNET);
    }
}
