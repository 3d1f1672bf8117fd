package dev.veltrix.server.web;

import static dev.veltrix.server.web.Web.params;

import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.progression.hunts.Hunt;
import dev.veltrix.progression.hunts.Hunts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/** The public page of a treasure hunt: its clues (never the places), its window and its live leaderboard. */
public final class HuntPages {
    private final Web web;
    private final Hunts hunts;
    private final Clock clock;
    private final java.util.function.Function<java.util.UUID, String> names;

    /** @param names a player's in-game name, as game servers reported it (the UUID's start when none did) */
    public HuntPages(Web web, Hunts hunts, Clock clock, java.util.function.Function<java.util.UUID, String> names) {
        this.web = web;
        this.hunts = hunts;
        this.clock = clock;
        this.names = names;
    }

    public void registerPublic(RoutesConfig routes) {
        routes.get("/hunts/{id}", ctx -> render(ctx, "hunts/hunt.jte"));
        routes.get("/hunts/{id}/leaderboard", ctx -> render(ctx, "hunts/leaderboard.jte"));
    }

    private void render(Context ctx, String template) {
        Hunt hunt;
        try {
            hunt = hunts.hunt(ctx.pathParam("id"));
        } catch (NotFoundException e) {
            throw new io.javalin.http.NotFoundResponse("no hunt " + ctx.pathParam("id"));
        }
        var standings = hunts.leaderboard(hunt.id(), 50);
        java.util.Map<String, String> shown = new java.util.HashMap<>();
        standings.forEach(s -> shown.put(s.player(), names.apply(java.util.UUID.fromString(s.player()))));
        web.render(ctx, template, params("hunt", hunt, "running", hunt.running(clock.instant()), "standings", standings, "names", shown));
    }
}
