package dev.veltrix.server.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.network.chat.ChatService;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import java.util.Map;

/** Cross-server chat over HTTP: post, history, mutes. Messages reach game servers over the stream. */
public final class ChatApi {
    private final ChatService chat;
    private final ObjectMapper json;

    public ChatApi(ChatService chat, ObjectMapper json) {
        this.chat = chat;
        this.json = json;
    }

    public void register(ApiRoutes api) {
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
