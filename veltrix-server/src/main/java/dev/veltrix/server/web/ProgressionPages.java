package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.progression.battlepass.BattlePass;
import dev.veltrix.progression.battlepass.Season;
import dev.veltrix.progression.battlepass.SeasonArchive;
import dev.veltrix.progression.hunts.Hunt;
import dev.veltrix.progression.hunts.Hunts;
import dev.veltrix.progression.hunts.Treasure;
import dev.veltrix.server.api.battlepass.SeasonBodies;
import dev.veltrix.server.api.hunts.HuntsApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's progression pages: battle-pass seasons (each with its tier table and leaders) and treasure hunts
 * (each with a map of its treasures, their finders and the timeline). New ones are pasted as JSON, the same shape as
 * the API's, and checked as a whole: every problem is listed against its field and nothing is created.
 */
public final class ProgressionPages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Web web;
    private final BattlePass pass;
    private final SeasonArchive archive;
    private final Hunts hunts;
    private final Clock clock;

    public ProgressionPages(Web web, BattlePass pass, SeasonArchive archive, Hunts hunts, Clock clock) {
        this.web = web;
        this.clock = clock;
        this.pass = pass;
        this.archive = archive;
        this.hunts = hunts;
    }

    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/progression", ctx -> page(ctx, null, null, ""));
        routes.post("/console/progression/seasons", ctx -> create(ctx, "season"));
        routes.post("/console/progression/hunts", ctx -> create(ctx, "hunt"));
        routes.get("/console/progression/seasons/{id}", this::season);
        routes.get("/console/progression/hunts/{id}", this::hunt);
    }

    private void page(Context ctx, String error, List<String> problems, String draft) {
        web.render(ctx, "console/progression.jte", params("csrf", session(ctx).csrfToken(), "seasons", pass.seasons(), "hunts", hunts.list(),
                "error", error, "problems", problems == null ? List.of() : problems, "draft", draft, "notice", ctx.queryParam("notice")));
    }

    private void create(Context ctx, String what) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        String id = ctx.formParam("id") == null ? "" : ctx.formParam("id").strip();
        String text = ctx.formParam("definition") == null ? "" : ctx.formParam("definition");
        try {
            JsonNode body;
            try {
                body = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw InvalidInputException.of("definition", "not JSON: " + e.getOriginalMessage());
            }
            if (what.equals("season")) {
                pass.save(SeasonBodies.season(id, body));
            } else {
                hunts.save(HuntsApi.hunt(id, body));
            }
            ctx.redirect("/console/progression/" + what + "s/" + id, HttpStatus.SEE_OTHER);
        } catch (VeltrixException e) {
            List<String> problems = e instanceof InvalidInputException invalid
                    ? invalid.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.toList()) : new ArrayList<>();
            ctx.status(e instanceof InvalidInputException ? 400 : 409);
            page(ctx, "The " + what + " was not created: " + e.getMessage(), problems, text);
        }
    }

    private void season(Context ctx) {
        Season season = Web.found(() -> pass.season(ctx.pathParam("id")));
        var archivedAt = pass.archivedAt(season.id());
        web.render(ctx, "console/season.jte", params("csrf", session(ctx).csrfToken(), "season", season,
                "thresholds", season.tiers().thresholds(), "leaders", archivedAt.isPresent() ? List.of() : pass.leaderboard(season.id(), 20),
                "archivedAt", archivedAt.orElse(null), "standings", archivedAt.isPresent() ? archive.standings(season.id(), 100) : List.of(),
                "editable", season.startsAt().isAfter(clock.instant())));
    }

    private void hunt(Context ctx) {
        Hunt hunt = Web.found(() -> hunts.hunt(ctx.pathParam("id")));
        web.render(ctx, "console/hunt.jte", params("csrf", session(ctx).csrfToken(), "hunt", hunt, "map", TreasureMap.of(hunt.treasures()),
                "editable", hunt.startsAt().isAfter(clock.instant()),
                "state", hunts.state(hunt.id()), "timeline", hunts.timeline(hunt.id())));
    }

    /** The treasures placed on the x/z plane of an SVG, scaled to fit, each with its radius to scale; item treasures are listed apart. */
    public record TreasureMap(String viewBox, double label, List<Spot> spots) {
        public record Spot(String id, double x, double z, double r, String world) {
        }

        static TreasureMap of(List<Treasure> treasures) {
            List<Treasure> placed = treasures.stream().filter(t -> !t.byItem()).toList();
            if (placed.isEmpty()) {
                return new TreasureMap("0 0 100 100", 4, List.of());
            }
            double minX = placed.stream().mapToDouble(t -> t.x() - t.radius()).min().orElse(0) - 10;
            double minZ = placed.stream().mapToDouble(t -> t.z() - t.radius()).min().orElse(0) - 10;
            double maxX = placed.stream().mapToDouble(t -> t.x() + t.radius()).max().orElse(0) + 10;
            double maxZ = placed.stream().mapToDouble(t -> t.z() + t.radius()).max().orElse(0) + 10;
            List<Spot> spots = placed.stream().map(t -> new Spot(t.id(), t.x(), t.z(), t.radius(), t.world())).toList();
            double size = Math.max(maxX - minX, maxZ - minZ);
            // Labels a thirtieth of the map, whatever its scale in blocks.
            return new TreasureMap(minX + " " + minZ + " " + (maxX - minX) + " " + (maxZ - minZ), size / 30, spots);
        }
    }
}
