package dev.veltrix.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The network's ledger. Every value-moving call takes an idempotency key; pass one derived from
 * the game action (for example {@code "shop:" + purchaseId}) so that a call repeated after a crash
 * of the game server also posts once.
 */
public final class Economy {
    private final HttpTransport transport;

    Economy(HttpTransport transport) {
        this.transport = transport;
    }

    /** What a player holds of a currency, in minor units (0 when they never held any). */
    public long balance(UUID player, String currency) {
        return balances(TransferSpec.player(player)).getOrDefault(currency, 0L);
    }

    /** Every balance of an account, by currency code. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> balances(String account) {
        Map<String, Object> json = transport.get("/api/v1/accounts/" + encode(account) + "/balances");
        Map<String, Long> balances = new LinkedHashMap<>();
        for (Object entry : (List<Object>) json.get("balances")) {
            Map<String, Object> balance = (Map<String, Object>) entry;
            balances.put((String) balance.get("currency"), ((Number) balance.get("amount")).longValue());
        }
        return balances;
    }

    /**
     * Posts one transfer. Retried automatically with the same key; a repeat of an earlier call
     * with this key returns the original transfer and moves nothing.
     *
     * @throws InsufficientFundsException when the payer lacks the amount
     * @throws VeltrixApiException        when the request is invalid or the key was used for another request
     */
    public Transfer transfer(String idempotencyKey, TransferSpec transfer) {
        return Transfer.fromJson(transport.post("/api/v1/transfers", transfer.toJson(), requireKey(idempotencyKey)));
    }

    /** Posts one transfer under a fresh time-ordered key ({@link TimeOrderedIds#key()}; retries of this call are still safe). */
    public Transfer transfer(TransferSpec transfer) {
        return transfer(TimeOrderedIds.key(), transfer);
    }

    /** Posts transfers atomically: all of them or none. */
    @SuppressWarnings("unchecked")
    public List<Transfer> batch(String idempotencyKey, List<TransferSpec> transfers) {
        Map<String, Object> body = Map.of("transfers", transfers.stream().map(TransferSpec::toJson).toList());
        Map<String, Object> json = transport.post("/api/v1/transfers/batch", body, requireKey(idempotencyKey));
        List<Transfer> posted = new ArrayList<>();
        for (Object t : (List<Object>) json.get("transfers")) {
            posted.add(Transfer.fromJson((Map<String, Object>) t));
        }
        return posted;
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("idempotency key must be 1..200 characters");
        }
        return key;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("%3A", ":");
    }
}
