package dev.veltrix.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Batches of game events from one registered server: {@value #BATCH} {@code mob.killed} events of random
 * players per request, each with a fresh id, so every one is taken in and written to the outbox.
 */
final class EventScenario implements LoadScenario {
    static final int BATCH = 100;
    private static final String SERVER = "bench-events-1";

    @Override
    public void setup(HttpClient http, String url, String key) throws Exception {
        LoadScenario.send(http, LoadScenario.post(url + "/api/v1/servers", key, "{\"name\":\"" + SERVER
                + "\",\"group\":\"survival\",\"address\":\"10.9.0.1:25565\",\"capacity\":100}"), Set.of(201));
    }

    @Override
    public HttpRequest next(String url, String key, SplittableRandom random) {
        StringBuilder body = new StringBuilder(BATCH * 130).append("{\"server\":\"" + SERVER + "\",\"events\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(dev.veltrix.core.id.UuidV7.next())
                    .append("\",\"type\":\"mob.killed\",\"player\":\"").append(new UUID(random.nextLong(), random.nextLong()))
                    .append("\",\"data\":{\"mob\":\"zombie\"}}");
        }
        return LoadScenario.post(url + "/api/v1/events", key, body.append("]}").toString());
    }

    @Override
    public int okStatus() {
        return 200;
    }
}
