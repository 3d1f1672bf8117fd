package dev.veltrix.server.api.claims;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.claims.ClaimExpiry;
import dev.veltrix.server.claims.ClaimArchive;
import dev.veltrix.server.http.ApiRoutes;
import java.util.Map;

/** Expiry over HTTP: who expires soon, the archive of expired claims, and restoring one. */
public final class ClaimArchiveApi {
    private final ClaimArchive archive;
    private final ClaimExpiry expiry;

    public ClaimArchiveApi(ClaimArchive archive, ClaimExpiry expiry) {
        this.archive = archive;
        this.expiry = expiry;
    }

    public void register(ApiRoutes api) {
        api.get("/claims/expiring", Scope.CLAIMS_READ, ctx -> {
            String days = ctx.queryParam("days");
            int within;
            try {
                within = days == null ? 7 : Integer.parseInt(days);
            } catch (NumberFormatException e) {
                within = -1;
            }
            if (within < 0 || within > 365) {
                throw InvalidInputException.of("days", "0..365, default 7; got " + days);
            }
            ctx.json(Map.of("owners", expiry.expiringWithin(within)));
        });
        api.get("/claims/archive", Scope.CLAIMS_READ, ctx -> ctx.json(Map.of("items", archive.list())));
        api.post("/claims/archive/{id}/restore", Scope.CLAIMS_WRITE, ctx ->
                ctx.status(201).json(archive.restore(Params.uuid("id", ctx.pathParam("id")))));
    }
}
