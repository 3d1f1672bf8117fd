package dev.veltrix.server.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.network.events.EventIngest;
import dev.veltrix.network.events.IngestResult;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;

/**
 * {@code POST /api/v1/events}: game servers send their events in batches. A batch where some events
 * are bad is still a 200 listing the rejected ones; a 400 means nothing of it was taken in.
 */
public final class EventsApi {
    private final EventIngest ingest;
    private final ObjectMapper json;

    public EventsApi(EventIngest ingest, ObjectMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.post("/events", Scope.EVENTS, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            if (!body.path("server").isTextual()) {
                throw InvalidInputException.of("server", "the name the sending server registered with (POST /api/v1/servers)");
            }
            JsonNode events = body.get("events");
            IngestResult result = ingest.ingest(body.get("server").asText(), events);
            if (result.accepted() == 0 && result.duplicates() == 0) {
                throw new InvalidInputException("every event of the batch was rejected; nothing was taken in",
                        result.rejected().stream().map(r -> new FieldError("events[" + r.index() + "]." + r.field(), r.problem()))
                                .toList());
            }
            ctx.json(result);
        });
    }
}
