package dev.veltrix.economy.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A fingerprint of what a posting asks for, independent of JSON formatting and field order, so a
 * retry matches its original and a different request under the same key does not.
 */
final class RequestHash {
    private RequestHash() {
    }

    static String of(List<TransferRequest> legs) {
        StringBuilder canonical = new StringBuilder();
        for (TransferRequest leg : legs) {
            canonical.append(leg.from()).append('\u001f').append(leg.to()).append('\u001f')
                    .append(leg.currency()).append('\u001f').append(leg.amount()).append('\u001f')
                    .append(leg.reference() == null ? "\u0000" : leg.reference()).append('\u001f')
                    .append(new TreeMap<>(leg.metadata())).append('\u001e');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
