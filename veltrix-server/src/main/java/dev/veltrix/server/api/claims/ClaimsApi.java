package dev.veltrix.server.api.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.claims.Action;
import dev.veltrix.claims.Box;
import dev.veltrix.claims.Flag;
import dev.veltrix.claims.Trust;
import dev.veltrix.claims.World;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.claims.BlockShop;
import dev.veltrix.server.claims.ClaimArchive;
import dev.veltrix.server.claims.ClaimDraft;
import dev.veltrix.server.claims.ClaimService;
import dev.veltrix.server.claims.GriefLog;
import dev.veltrix.server.claims.Incident;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Land claims over HTTP: worlds, claims, trust, flags, look-ups and permission checks. */
public final class ClaimsApi {
    private final ClaimService claims;
    private final BlockShop blockShop;
    private final GriefLog griefLog;
    private final ClaimArchive archive;
    private final ObjectMapper json;

    public ClaimsApi(ClaimService claims, BlockShop blockShop, GriefLog griefLog, ClaimArchive archive, ObjectMapper json) {
        this.claims = claims;
        this.archive = archive;
        this.blockShop = blockShop;
        this.griefLog = griefLog;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.put("/claims/worlds/{world}", Scope.CLAIMS_WRITE, ctx -> {
            JsonNode body = ctx.body().isBlank() ? json.createObjectNode() : RequestBodies.read(ctx, json, JsonNode.class);
            String group = body.path("group").asText("");
            ctx.json(Map.of("world", claims.defineWorld(World.standard(ctx.pathParam("world"), group))));
        });
        api.get("/claims/worlds", Scope.CLAIMS_READ, ctx -> ctx.json(Map.of("items", claims.worlds())));
        api.post("/claims", Scope.CLAIMS_WRITE, ctx -> ctx.status(201).json(claims.create(draft(RequestBodies.read(ctx, json, ClaimBody.class)))));
        api.get("/claims", Scope.CLAIMS_READ, ctx -> {
            String after = ctx.queryParam("after");
            var page = claims.list(ctx.queryParam("world"), after == null ? null : Params.uuid("after", after),
                    Params.limit(ctx, 1_000, 5_000));
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("items", page);
            body.put("next", page.isEmpty() ? null : page.getLast().id());
            ctx.json(body);
        });
        api.get("/claims/at", Scope.CLAIMS_READ, ctx -> {
            var claim = claims.at(ctx.queryParam("world"), coordinate(ctx, "x"), coordinate(ctx, "y"), coordinate(ctx, "z"));
            if (claim == null) {
                ctx.json(Map.of("claim", false));
            } else {
                ctx.json(claim);
            }
        });
        // Before /claims/{id}, which would otherwise take "incidents" for an id.
        api.post("/claims/incidents", Scope.CLAIMS_WRITE, ctx -> {
            IncidentsBody body = RequestBodies.read(ctx, json, IncidentsBody.class);
            if (body.incidents() == null) {
                throw InvalidInputException.of("incidents", "a list of {player, action, world, x, y, z}");
            }
            List<Incident> incidents = new ArrayList<>();
            for (int i = 0; i < body.incidents().size(); i++) {
                CheckBody in = body.incidents().get(i);
                String at = "incidents[" + i + "].";
                if (in == null || in.x() == null || in.y() == null || in.z() == null) {
                    throw InvalidInputException.of(at + "x", "every incident needs player, action, world, x, y and z");
                }
                incidents.add(new Incident(Params.uuid(at + "player", in.player()),
                        Params.choice(at + "action", in.action(), Action.class), in.world(), in.x(), in.y(), in.z(), null, null, null));
            }
            ctx.status(201).json(Map.of("recorded", griefLog.record(incidents)));
        });
        api.get("/claims/incidents", Scope.CLAIMS_READ, ctx -> ctx.json(Map.of("probers", griefLog.probers(
                Params.instant(ctx, "since", java.time.Instant.now().minus(java.time.Duration.ofDays(1))),
                Params.limit(ctx, 50, 500)))));
        api.get("/claims/{id}", Scope.CLAIMS_READ, ctx -> ctx.json(claims.claim(id(ctx))));
        api.patch("/claims/{id}", Scope.CLAIMS_WRITE, ctx -> {
            ClaimBody body = RequestBodies.read(ctx, json, ClaimBody.class);
            UUID id = id(ctx);
            if (body.x1() != null || body.z1() != null || body.x2() != null || body.z2() != null) {
                var current = claims.claim(id);
                ClaimDraft draft = draft(new ClaimBody(current.world(), null, body.x1(), body.y1(), body.z1(), body.x2(),
                        body.y2(), body.z2(), null, null));
                claims.resize(id, draft.box());
            }
            if (body.owner() != null) {
                claims.transfer(id, Params.uuid("owner", body.owner()));
            }
            ctx.json(claims.claim(id));
        });
        api.delete("/claims/{id}", Scope.CLAIMS_WRITE, ctx -> {
            // An owner abandons; an admin deleting with ?archive=true keeps the claim restorable.
            if ("true".equals(ctx.queryParam("archive"))) {
                archive.removeToArchive(id(ctx));
            } else {
                claims.abandon(id(ctx));
            }
            ctx.status(204);
        });
        api.put("/claims/{id}/trust/{subject}", Scope.CLAIMS_WRITE, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            JsonNode level = body.get("trust");
            Trust trust = level == null || level.isNull() ? null : Params.choice("trust", level.asText(), Trust.class);
            ctx.json(claims.trust(id(ctx), ctx.pathParam("subject"), trust));
        });
        api.put("/claims/{id}/flags/{flag}", Scope.CLAIMS_WRITE, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            JsonNode value = body.get("value");
            if (value != null && !value.isNull() && !value.isBoolean()) {
                throw InvalidInputException.of("value", "true, false, or null for the default");
            }
            Flag flag = Params.choice("flag", ctx.pathParam("flag"), Flag.class);
            ctx.json(claims.flag(id(ctx), flag, value == null || value.isNull() ? null : value.asBoolean()));
        });
        api.get("/players/{player}/claims", Scope.CLAIMS_READ, ctx -> {
            UUID player = Params.uuid("player", ctx.pathParam("player"));
            ctx.json(Map.of("claims", claims.playerClaims(player), "blocks", claims.blocks(player),
                    "available", claims.blocks(player).available()));
        });
        api.post("/players/{player}/claim-blocks/activity", Scope.CLAIMS_WRITE, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("minutes").isInt()) {
                throw InvalidInputException.of("minutes", "the player's active minutes since the last report, 1..1440");
            }
            List<String> groups = null;
            if (body.has("groups")) {
                if (!body.get("groups").isArray()) {
                    throw InvalidInputException.of("groups", "the player's permission groups, as a list of names");
                }
                groups = new ArrayList<>();
                for (JsonNode group : body.get("groups")) {
                    groups.add(group.asText());
                }
            }
            ctx.json(claims.accrue(Params.uuid("player", ctx.pathParam("player")), body.get("minutes").asInt(),
                    ctx.header(dev.veltrix.server.api.LedgerApi.IDEMPOTENCY_KEY), groups));
        });
        api.post("/players/{player}/claim-blocks/purchase", Scope.CLAIMS_WRITE, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("blocks").canConvertToLong() || !body.path("blocks").isIntegralNumber()) {
                throw InvalidInputException.of("blocks", "how many claim blocks to buy, 1.." + BlockShop.BLOCKS_MAX);
            }
            UUID player = Params.uuid("player", ctx.pathParam("player"));
            long charged = blockShop.buy(ctx.header(dev.veltrix.server.api.LedgerApi.IDEMPOTENCY_KEY), player,
                    body.get("blocks").asLong());
            ctx.status(201).json(Map.of("charged", charged, "blocks", claims.blocks(player)));
        });
        api.post("/claims/check", Scope.CLAIMS_READ, ctx -> {
            CheckBody body = RequestBodies.read(ctx, json, CheckBody.class);
            List<FieldError> errors = new ArrayList<>();
            require(errors, body.x(), "x");
            require(errors, body.y(), "y");
            require(errors, body.z(), "z");
            if (!errors.isEmpty()) {
                throw new InvalidInputException("the check is invalid", errors);
            }
            ctx.json(claims.check(Params.uuid("player", body.player()), body.groups() == null ? List.of() : body.groups(),
                    Params.choice("action", body.action(), Action.class), body.world(), body.x(), body.y(), body.z()));
        });
    }

    private static ClaimDraft draft(ClaimBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.world() == null || body.world().isBlank()) {
            errors.add(new FieldError("world", "the world's id; GET /api/v1/claims/worlds lists them"));
        }
        require(errors, body.x1(), "x1");
        require(errors, body.z1(), "z1");
        require(errors, body.x2(), "x2");
        require(errors, body.z2(), "z2");
        if ((body.y1() == null) != (body.y2() == null)) {
            errors.add(new FieldError(body.y1() == null ? "y1" : "y2", "give both y1 and y2, or neither for the full height"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the claim is invalid; nothing changed", errors);
        }
        int y1 = body.y1() == null ? World.MIN_Y : body.y1();
        int y2 = body.y2() == null ? World.MAX_Y : body.y2();
        return new ClaimDraft(body.world(), body.owner() == null ? null : Params.uuid("owner", body.owner()),
                Box.between(body.x1(), y1, body.z1(), body.x2(), y2, body.z2()),
                body.parent() == null ? null : Params.uuid("parent", body.parent()), Boolean.TRUE.equals(body.restricted()));
    }

    private static void require(List<FieldError> errors, Integer value, String field) {
        if (value == null) {
            errors.add(new FieldError(field, "a whole-number block coordinate"));
        }
    }

    private static UUID id(Context ctx) {
        return Params.uuid("id", ctx.pathParam("id"));
    }

    private static int coordinate(Context ctx, String name) {
        String text = ctx.queryParam(name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "a whole-number block coordinate, got " + text);
        }
    }
}
