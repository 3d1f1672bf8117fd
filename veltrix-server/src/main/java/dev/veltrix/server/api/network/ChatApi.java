package dev.veltrix.server.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.network.chat.ChatReports;
import dev.veltrix.network.chat.ChatService;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import java.util.Map;

/** Cross-server chat over HTTP: post, history, mutes, reports and staff spy. Messages reach game servers over the stream. */
public final class ChatApi {
    private final ChatService chat;
    private final ChatReports reports;
    private final ObjectMapper json;

    public ChatApi(ChatService chat, ChatReports reports, ObjectMapper json) {
        this.chat = chat;
        this.reports = reports;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        // The fixed paths first: /chat/{channel} would take "reports" or "spies" for a channel.
        api.post("/chat/reports", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            ctx.status(201).json(reports.report(Params.uuid("reporter", body.path("reporter").asText(null)),
                    Params.uuid("message", body.path("message").asText(null)), body.path("reason").asText(null)));
        });
        api.get("/chat/reports", Scope.NETWORK, ctx -> ctx.json(Map.of("items", reports.open(Params.limit(ctx, 50, 1_000)))));
        api.post("/chat/reports/{id}/resolve", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            ctx.json(reports.resolve(Params.uuid("id", ctx.pathParam("id")), body.path("by").asText(null),
                    body.path("resolution").asText(null)));
        });
        api.get("/chat/spies", Scope.NETWORK, ctx -> ctx.json(Map.of("items", chat.spies())));
        api.put("/chat/spies/{player}", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("on").isBoolean()) {
                throw InvalidInputException.of("on", "true to see every party and direct message, false to stop");
            }
            chat.spy(Params.uuid("player", ctx.pathParam("player")), body.get("on").asBoolean());
            ctx.status(204);
        });
        api.put("/chat/mutes/{player}", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("minutes").isInt()) {
                throw InvalidInputException.of("minutes", "how long, in whole minutes (0 lifts the mute)");
            }
            chat.mute(Params.uuid("player", ctx.pathParam("player")), body.get("minutes").asInt(), body.path("reason").asText(null));
            ctx.status(204);
        });
        api.post("/chat/{channel}", Scope.NETWORK, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            ctx.status(201).json(chat.post(ctx.pathParam("channel"), Params.uuid("player", body.path("player").asText(null)),
                    body.path("text").asText(null)));
        });
        api.get("/chat/{channel}", Scope.NETWORK, ctx -> ctx.json(Map.of("items",
                chat.history(ctx.pathParam("channel"), Params.limit(ctx, 50, 10_000)))));
    }
}
