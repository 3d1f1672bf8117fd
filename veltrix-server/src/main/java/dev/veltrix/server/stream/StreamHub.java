package dev.veltrix.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.core.event.EventBus;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.auth.ServerKey;
import dev.veltrix.server.http.KeyAuthorizer;
import dev.veltrix.storage.Database;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket at {@code /api/v1/stream}: pushes committed events to game servers and resumes
 * each server from its acknowledged cursor, across reconnects and restarts of either side.
 * The protocol is in docs/stream.md.
 */
public final class StreamHub implements AutoCloseable {
    public static final String PATH = "/api/v1/stream";
    /** Events game servers receive; later capabilities add theirs (claim changes, deliveries, chat). */
    public static final Set<String> STREAMED_TYPES = Set.of("transfer.posted", "claim.created", "claim.changed",
            "claim.deleted", "claim.expiry_warned", "chat.posted", "chat.reported", "delivery.requested", "hunt.found", "hunt.finished", "pass.reward_granted", "quest.completed");
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    private static final int MESSAGE_BYTES_MAX = 4_096;

    private final ObjectMapper json;
    private final KeyAuthorizer authorizer;
    private final Map<String, StreamSession> byWsSession = new ConcurrentHashMap<>();
    private final Map<String, StreamSession> byKey = new ConcurrentHashMap<>();
    private final EventBus.Subscription subscription;
    private final StreamFeed feed;
    private final StreamAcks acks;
    private final Timer delivery;

    public StreamHub(Database database, ObjectMapper json, KeyAuthorizer authorizer, EventBus bus, MeterRegistry metrics) {
        this.delivery = Timer.builder("veltrix.stream.delivery").description("from an event's commit until its frame went to a game server")
                .publishPercentileHistogram().register(metrics);
        this.json = json;
        this.authorizer = authorizer;
        this.acks = new StreamAcks(database);
        this.feed = new StreamFeed(database, json, STREAMED_TYPES, StreamFeed.RING_MAX, () -> byKey.values().forEach(StreamSession::wake));
        // Commits on this node wake the feed at once; commits on other nodes of a cluster arrive over the bus.
        database.afterCommitOf(STREAMED_TYPES::contains, feed::wake);
        this.subscription = bus.subscribe("stream-hub", EventBus.Delivery.EVERY_NODE, event -> {
            if (STREAMED_TYPES.contains(event.type())) {
                feed.wake();
            }
        });
        feed.start();
    }

    public void register(RoutesConfig routes) {
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setMaxTextMessageSize(MESSAGE_BYTES_MAX);
                ctx.enableAutomaticPings();
                ServerKey key;
                try {
                    key = authorizer.authorize(ctx.header("Authorization"), Scope.STREAM);
                } catch (VeltrixException e) {
                    ctx.closeSession(1008, e.getMessage().length() > 120 ? e.getMessage().substring(0, 120) : e.getMessage());
                    return;
                }
                StreamSession session = new StreamSession(key, ctx, acks, json, feed, delivery);
                byWsSession.put(ctx.sessionId(), session);
                StreamSession replaced = byKey.put(key.id(), session);
                if (replaced != null) {
                    // One live stream per key: two would both deliver and race their acks.
                    replaced.close(4000, "replaced by a newer connection with the same key");
                }
                session.start();
            });
            ws.onMessage(ctx -> onMessage(ctx, ctx.message()));
            ws.onClose(ctx -> remove(ctx.sessionId()));
            ws.onError(ctx -> remove(ctx.sessionId()));
        });
    }

    private void onMessage(WsContext ctx, String text) {
        StreamSession session = byWsSession.get(ctx.sessionId());
        if (session == null) {
            return;
        }
        try {
            JsonNode message = json.readTree(text);
            if (!"ack".equals(message.path("type").asText()) || !message.path("cursor").canConvertToLong()) {
                session.close(1003, "expected {\"type\":\"ack\",\"cursor\":<number>}");
                return;
            }
            session.acknowledge(message.path("cursor").asLong());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            session.close(1003, "messages must be JSON: {\"type\":\"ack\",\"cursor\":<number>}");
        } catch (IllegalArgumentException e) {
            session.close(1008, e.getMessage());
        }
    }

    private void remove(String wsSessionId) {
        StreamSession session = byWsSession.remove(wsSessionId);
        if (session != null) {
            session.stopped();
            byKey.remove(session.key().id(), session);
            LOG.debug("stream of server {} closed", session.key().name());
        }
    }

    /** Connected game servers, for the console and metrics. */
    public int connected() {
        return byKey.size();
    }

    @Override
    public void close() {
        subscription.close();
        feed.close();
        byKey.values().forEach(s -> s.close(1001, "Veltrix is shutting down; reconnect to resume"));
        acks.close(); // after the sessions, so their last acks are written
    }
}
