package dev.veltrix.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends game events (a mob killed, a block mined) to Veltrix in batches, where capabilities such as the
 * battle pass turn them into progress. Each event carries its own id, so a batch sent again after a
 * timeout is taken in once; the transport retries on its own for that reason.
 */
public final class Events {
    /** The most events one call sends. */
    public static final int BATCH_MAX = 1_000;
    private final HttpTransport transport;

    Events(HttpTransport transport) {
        this.transport = transport;
    }

    /** What became of a batch: events taken in, repeats ignored, and each refused event with why. */
    public record Result(int accepted, int duplicates, List<Rejection> rejected) {
    }

    /** A refused event: its position in the batch, the field at fault and what to fix. */
    public record Rejection(int index, String id, String field, String problem) {
    }

    /**
     * Sends up to {@value #BATCH_MAX} events as the registered server {@code server}. Events that Veltrix
     * refuses come back in {@link Result#rejected()}; the others are taken in.
     *
     * @throws VeltrixApiException when every event was refused, or the server is not registered
     */
    @SuppressWarnings("unchecked")
    public Result send(String server, List<GameEvent> events) {
        if (events.isEmpty() || events.size() > BATCH_MAX) {
            throw new IllegalArgumentException("send 1.." + BATCH_MAX + " events per call, got " + events.size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server", server);
        body.put("events", events.stream().map(GameEvent::toJson).toList());
        Map<String, Object> json = transport.post("/api/v1/events", body, null);
        List<Rejection> rejected = new ArrayList<>();
        for (Object entry : (List<Object>) json.get("rejected")) {
            Map<String, Object> r = (Map<String, Object>) entry;
            rejected.add(new Rejection(((Number) r.get("index")).intValue(), (String) r.get("id"), (String) r.get("field"),
                    (String) r.get("problem")));
        }
        return new Result(((Number) json.get("accepted")).intValue(), ((Number) json.get("duplicates")).intValue(), rejected);
    }
}
