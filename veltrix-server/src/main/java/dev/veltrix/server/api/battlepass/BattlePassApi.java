package dev.veltrix.server.api.battlepass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.progression.battlepass.BattlePass;
import dev.veltrix.progression.battlepass.Season;
import dev.veltrix.progression.battlepass.SeasonArchive;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import java.util.Map;
import java.util.UUID;

/** Battle passes over HTTP: seasons ({@code battlepass:admin}), and each player's progress, XP and claims ({@code battlepass}). */
public final class BattlePassApi {
    private final BattlePass pass;
    private final SeasonArchive archive;
    private final ObjectMapper json;

    public BattlePassApi(BattlePass pass, SeasonArchive archive, ObjectMapper json) {
        this.pass = pass;
        this.archive = archive;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        String player = "/battlepass/seasons/{id}/players/{player}";
        api.get("/battlepass/seasons", Scope.BATTLEPASS, ctx -> ctx.json(Map.of("items", pass.seasons())));
        api.put("/battlepass/seasons/{id}", Scope.BATTLEPASS_ADMIN, ctx -> {
            Season season = SeasonBodies.season(ctx.pathParam("id"), RequestBodies.read(ctx, json, JsonNode.class));
            ctx.status(pass.save(season) ? 201 : 200).json(season);
        });
        api.get("/battlepass/seasons/{id}", Scope.BATTLEPASS, ctx -> ctx.json(pass.season(ctx.pathParam("id"))));
        api.get("/battlepass/seasons/{id}/archive", Scope.BATTLEPASS, ctx -> ctx.json(Map.of("archivedAt",
                pass.archivedAt(ctx.pathParam("id")).map(Object::toString).orElse(""),
                "items", archive.standings(ctx.pathParam("id"), Params.limit(ctx, 100, 10_000)))));
        api.get("/battlepass/players/{player}/archive", Scope.BATTLEPASS, ctx ->
                ctx.json(Map.of("items", archive.of(player(ctx.pathParam("player"))))));
        api.get("/battlepass/seasons/{id}/leaderboard", Scope.BATTLEPASS, ctx ->
                ctx.json(Map.of("items", pass.leaderboard(ctx.pathParam("id"), Params.limit(ctx, 50, 1_000)))));
        api.get(player, Scope.BATTLEPASS, ctx -> ctx.json(pass.progress(ctx.pathParam("id"), player(ctx.pathParam("player")))));
        api.get(player + "/xp", Scope.BATTLEPASS, ctx -> ctx.json(Map.of("items",
                pass.history(ctx.pathParam("id"), player(ctx.pathParam("player")), Params.limit(ctx, 100, 1_000)))));
        api.post(player + "/claims", Scope.BATTLEPASS, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("tier").isInt()) {
                throw InvalidInputException.of("tier", "the tier whose reward is claimed");
            }
            ctx.json(pass.claim(ctx.pathParam("id"), player(ctx.pathParam("player")), body.get("tier").asInt(),
                    Params.choice("track", body.path("track").asText("free"), Season.Track.class)));
        });
        api.put(player + "/premium", Scope.BATTLEPASS_ADMIN, ctx ->
                ctx.json(pass.grantPremium(ctx.pathParam("id"), player(ctx.pathParam("player")))));
    }

    private static UUID player(String text) {
        return Params.uuid("player", text);
    }
}
