package dev.veltrix.server.api.hunts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.progression.hunts.Find;
import dev.veltrix.progression.hunts.Hunt;
import dev.veltrix.progression.hunts.Hunts;
import dev.veltrix.progression.hunts.Sighting;
import dev.veltrix.progression.hunts.Treasure;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Treasure hunts over HTTP: the operator defines them ({@code hunts:admin}); game servers report finds ({@code hunts}). */
public final class HuntsApi {
    private final Hunts hunts;
    private final ObjectMapper json;

    public HuntsApi(Hunts hunts, ObjectMapper json) {
        this.hunts = hunts;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.get("/hunts", Scope.HUNTS, ctx -> ctx.json(Map.of("items", hunts.list())));
        api.put("/hunts/{id}", Scope.HUNTS_ADMIN, ctx -> {
            boolean created = hunts.save(hunt(ctx.pathParam("id"), RequestBodies.read(ctx, json, JsonNode.class)));
            ctx.status(created ? 201 : 200).json(hunts.hunt(ctx.pathParam("id")));
        });
        api.get("/hunts/{id}", Scope.HUNTS, ctx -> ctx.json(hunts.hunt(ctx.pathParam("id"))));
        api.post("/hunts/{id}/finds", Scope.HUNTS, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            Sighting sighting = body.hasNonNull("item") ? new Sighting.Holding(body.get("item").asText())
                    : new Sighting.At(body.path("world").asText(null), number(body, "x"), number(body, "y"), number(body, "z"));
            Find find = hunts.find(ctx.pathParam("id"), body.path("treasure").asText(""),
                    Params.uuid("player", body.path("player").asText(null)), sighting);
            ctx.status(find.repeat() ? 200 : 201).json(find);
        });
        api.get("/hunts/{id}/leaderboard", Scope.HUNTS, ctx ->
                ctx.json(Map.of("items", hunts.leaderboard(ctx.pathParam("id"), Params.limit(ctx, 50, 1_000)))));
        api.get("/hunts/{id}/timeline", Scope.HUNTS_ADMIN, ctx -> ctx.json(Map.of("items", hunts.timeline(ctx.pathParam("id")))));
    }

    private static double number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isNumber()) {
            throw InvalidInputException.of(field, "the coordinate where the player stood (or give \"item\" for a hidden-item treasure)");
        }
        return node.asDouble();
    }

    /** Reads a hunt definition, listing every field that cannot be read; the rules are checked by {@link Hunts#create}. */
    public static Hunt hunt(String id, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        List<Treasure> treasures = new ArrayList<>();
        JsonNode list = body.path("treasures");
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            JsonNode reward = t.path("reward");
            treasures.add(new Treasure(t.path("id").asText(null), t.path("position").asInt(i + 1), t.path("clue").asText(null),
                    t.path("world").asText(null), t.path("x").asDouble(), t.path("y").asDouble(), t.path("z").asDouble(),
                    t.path("radius").asDouble(), t.hasNonNull("item") ? t.get("item").asText() : null, t.path("winners").asInt(1),
                    reward.hasNonNull("currency") ? reward.get("currency").asText() : null, reward.path("amount").asLong(0)));
        }
        JsonNode finish = body.path("finishReward");
        Hunt hunt = new Hunt(id, body.path("name").asText(null), instant(body, "startsAt", errors), instant(body, "endsAt", errors),
                body.path("ordered").asBoolean(false), finish.hasNonNull("currency") ? finish.get("currency").asText() : null,
                finish.path("amount").asLong(0), body.path("finishWinners").asInt(0), treasures);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the hunt was not created", errors);
        }
        return hunt;
    }

    private static Instant instant(JsonNode body, String field, List<FieldError> errors) {
        try {
            return Instant.parse(body.path(field).asText(""));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 instant such as 2026-12-24T18:00:00Z"));
            return null;
        }
    }
}
