package dev.veltrix.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A transfer to post. Accounts are {@code player:<uuid>} or {@code system:<name>}; amounts are
 * whole minor units of the currency.
 */
public record TransferSpec(String from, String to, String currency, long amount, String reference) {
    public TransferSpec {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(currency, "currency");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
    }

    /** The account of a player. */
    public static String player(UUID player) {
        return "player:" + player;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", from);
        json.put("to", to);
        json.put("currency", currency);
        json.put("amount", amount);
        if (reference != null) {
            json.put("reference", reference);
        }
        return json;
    }
}
