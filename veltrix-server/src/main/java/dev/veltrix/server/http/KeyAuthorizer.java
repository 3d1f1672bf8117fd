package dev.veltrix.server.http;

import dev.veltrix.core.error.ForbiddenException;
import dev.veltrix.core.error.UnauthorizedException;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.auth.ServerKey;
import dev.veltrix.server.auth.ServerKeyStore;

/** Checks a game server's {@code Authorization: Bearer} header for a live key with a scope. */
public final class KeyAuthorizer {
    private final ServerKeyStore keys;

    public KeyAuthorizer(ServerKeyStore keys) {
        this.keys = keys;
    }

    /** The key behind the header, if it carries {@code scope}; otherwise 401 or 403. */
    public ServerKey authorize(String authorization, Scope scope) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new UnauthorizedException("send Authorization: Bearer <server key>; create a key with "
                    + "`veltrix server-key create NAME` or in the console");
        }
        ServerKey key = keys.authenticate(authorization.substring("Bearer ".length()).trim())
                .orElseThrow(() -> new UnauthorizedException("the server key is unknown or revoked; create a new one"));
        if (!key.allows(scope)) {
            throw new ForbiddenException("server key " + key.name() + " lacks scope " + scope.text()
                    + "; create a key with --scopes " + scope.text());
        }
        return key;
    }
}
