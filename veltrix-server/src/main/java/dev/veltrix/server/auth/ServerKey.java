package dev.veltrix.server.auth;

import java.time.Instant;
import java.util.Set;

/** A game server's API key as shown to admins: never the secret, which exists only once, at creation. */
public record ServerKey(String id, String name, Set<Scope> scopes, Instant createdAt, Instant revokedAt) {
    public boolean allows(Scope scope) {
        return revokedAt == null && scopes.contains(scope);
    }
}
