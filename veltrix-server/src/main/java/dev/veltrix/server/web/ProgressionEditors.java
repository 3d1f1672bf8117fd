package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.progression.battlepass.BattlePass;
import dev.veltrix.progression.battlepass.Season;
import dev.veltrix.progression.hunts.Hunt;
import dev.veltrix.progression.hunts.Hunts;
import dev.veltrix.server.api.battlepass.SeasonBodies;
import dev.veltrix.server.api.hunts.HuntsApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's editors for seasons and hunts: forms with rows (rewards, XP sources, multipliers; treasures on a
 * map), saved through the API's reading and rules. Every problem comes back at once beside its row with the draft
 * kept as typed, and nothing is saved until all is right. A season or hunt is edited until it starts.
 */
public final class ProgressionEditors {
    private final Web web;
    private final BattlePass pass;
    private final Hunts hunts;
    private final Clock clock;

    public ProgressionEditors(Web web, BattlePass pass, Hunts hunts, Clock clock) {
        this.web = web;
        this.pass = pass;
        this.hunts = hunts;
        this.clock = clock;
    }

    /** Before ProgressionPages: {@code /seasons/editor} would otherwise be read as a season's id. */
    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/progression/seasons/editor", ctx -> season(ctx, SeasonDraft.blank(), false, List.of(), null));
        routes.post("/console/progression/seasons/editor", ctx -> {
            SeasonDraft draft = SeasonDraft.of(ctx);
            save(ctx, "season", draft.id(), draft::toJson, SeasonBodies::season, pass::check, pass::save,
                    (problems, error) -> season(ctx, draft, existing(ctx), problems, error));
        });
        routes.get("/console/progression/seasons/{id}/edit", ctx -> {
            Season season = Web.found(() -> pass.season(ctx.pathParam("id")));
            season(ctx, SeasonDraft.of(season), true, List.of(), started("Season", season.id(), season.startsAt()));
        });
        routes.get("/console/progression/hunts/editor", ctx -> hunt(ctx, HuntDraft.blank(), false, List.of(), null));
        routes.post("/console/progression/hunts/editor", ctx -> {
            HuntDraft draft = HuntDraft.of(ctx);
            save(ctx, "hunt", draft.id(), draft::toJson, HuntsApi::hunt, hunts::check, hunts::save,
                    (problems, error) -> hunt(ctx, draft, existing(ctx), problems, error));
        });
        routes.get("/console/progression/hunts/{id}/edit", ctx -> {
            Hunt hunt = Web.found(() -> hunts.hunt(ctx.pathParam("id")));
            hunt(ctx, HuntDraft.of(hunt), true, List.of(), started("Hunt", hunt.id(), hunt.startsAt()));
        });
    }

    private void season(Context ctx, SeasonDraft draft, boolean existing, List<FieldError> problems, String error) {
        web.render(ctx, "console/season-editor.jte", params("csrf", session(ctx).csrfToken(), "draft", draft, "existing", existing,
                "problems", problems, "error", error));
    }

    private void hunt(Context ctx, HuntDraft draft, boolean existing, List<FieldError> problems, String error) {
        web.render(ctx, "console/hunt-editor.jte", params("csrf", session(ctx).csrfToken(), "draft", draft, "existing", existing,
                "problems", problems, "error", error));
    }

    /** Shows the editor again with the problems (or the refusal) beside the draft. */
    @FunctionalInterface
    private interface Refused {
        void show(List<FieldError> problems, String error);
    }

    /**
     * The draft becomes the API's body, is read and checked; problems from unreadable numbers and from the rules come
     * back together. Saved only when there are none.
     */
    private <T> void save(Context ctx, String what, String id, Function<List<FieldError>, JsonNode> toJson, BiFunction<String, JsonNode, T> read,
                          Function<T, List<FieldError>> check, Consumer<T> save, Refused refused) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        List<FieldError> problems = new ArrayList<>();
        JsonNode body = toJson.apply(problems);
        try {
            T definition = read.apply(id, body);
            // A number that was not one was sent as 0; the rules' complaint about that 0 would only repeat it.
            Set<String> unreadable = problems.stream().map(FieldError::field).collect(Collectors.toSet());
            check.apply(definition).stream().filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
            if (problems.isEmpty()) {
                save.accept(definition);
                ctx.redirect("/console/progression/" + what + "s/" + id, HttpStatus.SEE_OTHER);
                return;
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
        } catch (VeltrixException e) {
            ctx.status(409);
            refused.show(problems, "The " + what + " was not saved: " + e.getMessage());
            return;
        }
        ctx.status(400);
        refused.show(problems, "The " + what + " was not saved: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " to fix, shown beside each row.");
    }

    private static boolean existing(Context ctx) {
        return "true".equals(ctx.formParam("existing"));
    }

    private String started(String what, String id, Instant startsAt) {
        return startsAt.isAfter(clock.instant()) ? null
                : what + " " + id + " has started: it can no longer be changed, as what players did in it depends on it.";
    }
}
