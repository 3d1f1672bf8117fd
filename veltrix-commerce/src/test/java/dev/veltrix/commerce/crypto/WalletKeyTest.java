package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.junit.jupiter.api.Test;

/** Addresses derived from public keys match the published BIP84 vectors; keys that must not be used are refused. */
class WalletKeyTest {
    // BIP84's test vectors: the account key of "abandon abandon ... about" and its first addresses.
    private static final String BIP84_ZPUB = TestWallets.BITCOIN_ZPUB;
    private static final String BIP84_ZPRV = "zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE";
    static DeterministicKey account(int purpose, int coin) {
        return TestWallets.account(purpose, coin);
    }

    /** The same key bytes under another version: how wallets write ypubs, tpubs and the like. */
    private static String withVersion(String key, int version) {
        byte[] payload = Base58.decodeChecked(key);
        ByteBuffer.wrap(payload, 0, 4).putInt(version);
        byte[] checksum = Arrays.copyOf(Sha256Hash.hashTwice(payload), 4);
        byte[] all = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(checksum, 0, all, payload.length, 4);
        return Base58.encode(all);
    }

    @Test
    void bitcoinAddressesAreTheBip84VectorsNativeSegwitAtTheReceivingChain() {
        WalletKey wallet = WalletKey.parse(Chain.BITCOIN, BIP84_ZPUB, "0/*");
        assertThat(wallet.address(0)).isEqualTo("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");
        assertThat(wallet.address(1)).isEqualTo("bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g");
        // The vector's key is what a wallet exports for the account of that recovery phrase.
        assertThat(account(84, 0).serializePubB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH)).isEqualTo(BIP84_ZPUB);
        // An xpub of the same account gives the same addresses.
        assertThat(WalletKey.parse(Chain.BITCOIN, account(84, 0).serializePubB58(BitcoinNetwork.MAINNET), "0/*").address(0))
                .isEqualTo("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");
    }

    @Test
    void ethereumAddressesAreTheWellKnownOnesOfTheTestPhraseWithTheirChecksum() {
        String xpub = account(44, 60).serializePubB58(BitcoinNetwork.MAINNET);
        WalletKey wallet = WalletKey.parse(Chain.ETHEREUM, xpub, "0/*");
        assertThat(wallet.address(0)).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        assertThat(wallet.address(1)).isEqualTo("0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0");
        assertThat(wallet.walletId()).hasSize(16).isNotEqualTo(WalletKey.parse(Chain.BITCOIN, BIP84_ZPUB, "0/*").walletId());
    }

    @Test
    void privateKeysAndRecoveryPhrasesAreRefusedWithAWarning() {
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, BIP84_ZPRV, "0/*")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PRIVATE key (zprv)").hasMessageContaining("move the funds");
        String xprv = account(44, 60).serializePrivB58(BitcoinNetwork.MAINNET);
        assertThatThrownBy(() -> WalletKey.parse(Chain.ETHEREUM, xprv, "0/*")).hasMessageContaining("PRIVATE key (xprv)");
        assertThatThrownBy(() -> WalletKey.parse(Chain.ETHEREUM, "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", "0/*"))
                .hasMessageContaining("raw private key");
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, "KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn", "0/*"))
                .hasMessageContaining("wallet import format");
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, String.join(" ", TestWallets.MNEMONIC), "0/*"))
                .hasMessageContaining("recovery phrase");
    }

    @Test
    void theWrongKindOfPublicKeyIsRefusedWithWhatToExportInstead() {
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, withVersion(BIP84_ZPUB, 0x049D7CB2), "0/*"))
                .hasMessageContaining("ypub is for wrapped segwit").hasMessageContaining("m/84'/0'/0'");
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, withVersion(BIP84_ZPUB, 0x045F1CF6), "0/*"))
                .hasMessageContaining("testnet key (vpub)");
        assertThatThrownBy(() -> WalletKey.parse(Chain.ETHEREUM, BIP84_ZPUB, "0/*"))
                .hasMessageContaining("zpub is a Bitcoin key").hasMessageContaining("m/44'/60'/0'");
        String receivingChain = HDKeyDerivation.deriveChildKey(account(84, 0), ChildNumber.ZERO).serializePubB58(BitcoinNetwork.MAINNET);
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, receivingChain, "0/*")).hasMessageContaining("depth 4");
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, BIP84_ZPUB, "0'/*"))
                .hasMessageContaining("hardened path cannot be derived from a public key");
        assertThatThrownBy(() -> WalletKey.parse(Chain.BITCOIN, "zpub-not-really", "0/*"))
                .hasMessageContaining("not an extended public key");
    }
}
