package dev.veltrix.economy.ledger;

import dev.veltrix.core.error.InvalidInputException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where a page of an account's history resumes. The ledger keeps an account's history as one chain of transfers per
 * currency, newest first (each entry links to the one before it); a page merges the chains, so resuming needs, for
 * every currency not yet read to its end, the newest transfer not yet listed. Callers see the cursor as opaque text
 * ({@code coins:<transfer id>,gems:<transfer id>}) and pass a page's {@code nextCursor} back unchanged.
 *
 * @param heads currency code to the id of its chain's next transfer; never empty (an exhausted history has no cursor)
 */
public record HistoryCursor(SortedMap<String, String> heads) {
    /** Currencies one cursor may name: far more than a network uses, small enough to bound the text a caller sends. */
    public static final int CHAINS_MAX = 256;

    public HistoryCursor {
        if (heads.isEmpty() || heads.size() > CHAINS_MAX) {
            throw new IllegalArgumentException("heads must name 1.." + CHAINS_MAX + " currencies, got " + heads.size());
        }
        heads = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(heads));
    }

    /** The cursor a caller sent, or a 400 that says what to send instead. */
    public static HistoryCursor parse(String text) {
        String[] chains = text.split(",", CHAINS_MAX + 1);
        if (chains.length > CHAINS_MAX) {
            throw invalid();
        }
        SortedMap<String, String> heads = new TreeMap<>();
        for (String chain : chains) {
            int colon = chain.indexOf(':');
            if (colon < 0 || !Currency.CODE.matcher(chain.substring(0, colon)).matches()) {
                throw invalid();
            }
            String transfer = chain.substring(colon + 1);
            try {
                if (!UUID.fromString(transfer).toString().equals(transfer) || heads.put(chain.substring(0, colon), transfer) != null) {
                    throw invalid();
                }
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
        return new HistoryCursor(heads);
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of("cursor", "pass the nextCursor of the previous page unchanged, or none for the newest page");
    }

    /** The text a caller passes back. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> head : heads.entrySet()) {
            text.append(text.isEmpty() ? "" : ",").append(head.getKey()).append(':').append(head.getValue());
        }
        return text.toString();
    }
}
