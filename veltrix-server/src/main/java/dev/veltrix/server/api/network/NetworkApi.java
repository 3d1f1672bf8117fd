package dev.veltrix.server.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.network.NetworkService;
import dev.veltrix.network.Route;
import dev.veltrix.network.ServerKind;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The network fabric over HTTP: servers register and heartbeat, proxies report sessions and ask where to route. */
public final class NetworkApi {
    private final NetworkService network;
    private final ObjectMapper json;

    public NetworkApi(NetworkService network, ObjectMapper json) {
        this.network = network;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.post("/servers", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            List<String> tags = new ArrayList<>();
            body.path("tags").forEach(t -> tags.add(t.asText()));
            ctx.status(201).json(network.register(body.path("name").asText(null),
                    body.hasNonNull("kind") ? Params.choice("kind", body.get("kind").asText(), ServerKind.class) : ServerKind.GAME,
                    body.path("group").asText(null), body.path("address").asText(null), body.path("capacity").asInt(0), tags));
        });
        api.get("/servers", Scope.NETWORK, ctx -> ctx.json(Map.of("items", network.servers(),
                "playersByGroup", network.playersByGroup())));
        api.post("/servers/{name}/heartbeat", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("players").isInt()) {
                throw InvalidInputException.of("players", "the number of players online, a whole number");
            }
            network.heartbeat(ctx.pathParam("name"), body.get("players").asInt(), body.path("tps").asDouble(20),
                    body.path("memoryMb").asInt(0));
            ctx.status(204);
        });
        api.put("/servers/{name}/maintenance", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("maintenance").isBoolean()) {
                throw InvalidInputException.of("maintenance", "true to drain the server, false to open it again");
            }
            ctx.json(network.maintenance(ctx.pathParam("name"), body.get("maintenance").asBoolean()));
        });
        api.put("/players/{player}/session", Scope.NETWORK, ctx -> {
            UUID player = Params.uuid("player", ctx.pathParam("player"));
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (body.hasNonNull("server")) {
                network.join(player, body.get("server").asText(), body.hasNonNull("name") ? body.get("name").asText() : null);
            } else {
                network.leave(player);
            }
            ctx.json(network.presence(player));
        });
        api.get("/players/{player}/presence", Scope.NETWORK, ctx ->
                ctx.json(network.presence(Params.uuid("player", ctx.pathParam("player")))));
        api.post("/route", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            Route route = network.route(Params.uuid("player", body.path("player").asText(null)),
                    body.path("group").asText(null), body.path("host").asText(null));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("server", route.server() == null ? null : route.server().name());
            answer.put("address", route.server() == null ? null : route.server().address());
            answer.put("group", route.group());
            answer.put("reason", route.reason());
            ctx.status(route.server() == null ? 503 : 200).json(answer);
        });
    }
}
