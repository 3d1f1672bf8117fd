package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.claims.Claim;
import dev.veltrix.server.claims.ClaimExpiry;
import dev.veltrix.server.claims.ClaimService;
import dev.veltrix.server.claims.GriefLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The console's claims page: a map of a world's claims, who is probing whose land, who expires soon. */
public final class ClaimPages {
    /** Claims drawn on one map; a larger world shows its first ones and says so. */
    static final int MAP_MAX = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Web web;
    private final ClaimService claims;
    private final GriefLog grief;
    private final ClaimExpiry expiry;
    private final Clock clock;

    public ClaimPages(Web web, ClaimService claims, GriefLog grief, ClaimExpiry expiry, Clock clock) {
        this.web = web;
        this.claims = claims;
        this.grief = grief;
        this.expiry = expiry;
        this.clock = clock;
    }

    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/claims", this::page);
        routes.get("/console/claims/{id}", this::detail);
    }

    private void page(Context ctx) {
        List<String> worlds = claims.worlds();
        String world = ctx.queryParam("world") == null && !worlds.isEmpty() ? worlds.getFirst() : ctx.queryParam("world");
        List<Claim> shown = world == null || !worlds.contains(world) ? List.of() : claims.list(world, null, MAP_MAX);
        web.render(ctx, "console/claims.jte", params("csrf", session(ctx).csrfToken(), "worlds", worlds, "world", world,
                "claims", shown, "truncated", shown.size() == MAP_MAX, "map", map(shown),
                "probers", grief.probers(clock.instant().minus(Duration.ofDays(1)), 20), "expiring", expiry.expiringWithin(7)));
    }

    private void detail(Context ctx) {
        Claim claim;
        try {
            claim = claims.claim(java.util.UUID.fromString(ctx.pathParam("id")));
        } catch (IllegalArgumentException | dev.veltrix.core.error.NotFoundException e) {
            ctx.redirect("/console/claims", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        List<Claim> subdivisions = claims.list(claim.world(), null, MAP_MAX).stream()
                .filter(c -> claim.id().equals(c.parent())).toList();
        web.render(ctx, "console/claim.jte", params("csrf", session(ctx).csrfToken(), "claim", claim,
                "subdivisions", subdivisions));
    }

    /** The map's data: one [minX, minZ, maxX, maxZ, kind] per claim (0 player, 1 admin, 2 subdivision). */
    private static String map(List<Claim> shown) {
        List<int[]> boxes = new ArrayList<>(shown.size());
        for (Claim c : shown) {
            boxes.add(new int[] {c.box().minX(), c.box().minZ(), c.box().maxX(), c.box().maxZ(),
                    c.isSubdivision() ? 2 : c.isAdminClaim() ? 1 : 0});
        }
        try {
            return JSON.writeValueAsString(Map.of("claims", boxes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the claims map failed to serialise", e);
        }
    }
}
