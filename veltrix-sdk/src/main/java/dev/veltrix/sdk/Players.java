package dev.veltrix.sdk;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Player services: linking a player's web session to their game identity. */
public final class Players {
    private final HttpTransport transport;

    Players(HttpTransport transport) {
        this.transport = transport;
    }

    /** A one-time code for the player portal; show it to the player in game. */
    public record LoginCode(String code, Instant expiresAt, String portalPath) {
    }

    /**
     * Issues a code the player types at the portal's sign-in page ({@code /portal/login}). It works
     * once and expires after 10 minutes. Needs a key with the {@code players:login} scope.
     */
    public LoginCode loginCode(UUID player) {
        // Not idempotent on purpose: every call is a fresh code, and an unused one simply expires.
        Map<String, Object> json = transport.post("/api/v1/players/" + player + "/login-code", Map.of(), null);
        return new LoginCode((String) json.get("code"), Instant.parse((String) json.get("expiresAt")),
                (String) json.get("portalPath"));
    }
}
