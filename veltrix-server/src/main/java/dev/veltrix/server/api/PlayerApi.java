package dev.veltrix.server.api;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.server.auth.PlayerLogins;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import java.util.Map;
import java.util.UUID;

/** Player-facing helpers for game servers: the one-time code a player types into the portal. */
public final class PlayerApi {
    private final PlayerLogins logins;

    public PlayerApi(PlayerLogins logins) {
        this.logins = logins;
    }

    public void register(ApiRoutes api) {
        api.post("/players/{player}/login-code", Scope.PLAYERS_LOGIN, ctx -> {
            UUID player;
            try {
                player = UUID.fromString(ctx.pathParam("player"));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("player", "must be the player's UUID, got " + ctx.pathParam("player"));
            }
            PlayerLogins.Code code = logins.issue(player);
            ctx.status(201).json(Map.of("code", code.code(), "player", player, "expiresAt", code.expiresAt(),
                    "portalPath", "/portal/login"));
        });
    }
}
