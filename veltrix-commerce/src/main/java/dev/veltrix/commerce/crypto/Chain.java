package dev.veltrix.commerce.crypto;

/**
 * A chain the store takes payments on, with the account path its extended public key must come from.
 *
 * @param accountPath where the operator's wallet exports the key; addresses are {@code <account>/0/<index>}
 */
public enum Chain {
    BITCOIN("m/84'/0'/0'"),
    ETHEREUM("m/44'/60'/0'");

    private final String accountPath;

    Chain(String accountPath) {
        this.accountPath = accountPath;
    }

    public String accountPath() {
        return accountPath;
    }
}
