package dev.veltrix.bench;

import dev.veltrix.sdk.EventStream;
import dev.veltrix.sdk.StreamEvent;
import dev.veltrix.sdk.VeltrixClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.HdrHistogram.Recorder;

/**
 * Plays a network against a running Veltrix: N game servers with M players each register, heartbeat,
 * hold a stream open (through the real SDK), move players between servers, chat and send event batches,
 * all at once. Chat messages carry their send time, so every server's stream measures how long a message
 * took to reach it: the end-to-end latency from one game server to all the others.
 *
 * <pre>java -cp veltrix-bench.jar dev.veltrix.bench.NetworkLoad URL KEYS_FILE PLAYERS_PER_SERVER SECONDS
 *      CHAT_PER_SECOND EVENTS_PER_SECOND SWITCHES_PER_SECOND</pre>
 * KEYS_FILE holds one {@code name key} line per server, as {@code veltrix server-key create gs --count N} prints.
 */
public final class NetworkLoad {
    private static final int EVENTS_PER_BATCH = 100;
    // Chat texts this run sent: "lt:<run>:<nanoTime>"; messages of earlier runs still in a stream are skipped.
    private static final String MARK = "lt:" + Long.toHexString(System.nanoTime() ^ System.currentTimeMillis()) + ":";

    private final String url;
    private final List<String[]> servers;
    private final UUID[][] players;
    private final HttpClient http = OpenLoop.client();
    private final HttpClient streamHttp = HttpClient.newHttpClient();
    private final Recorder delivery = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    private final Recorder fanout = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    private final Map<Long, AtomicInteger> receivers = new ConcurrentHashMap<>();
    private final SplittableRandom random = new SplittableRandom(11);

    private NetworkLoad(String url, List<String[]> servers, int playersPerServer) {
        this.url = url;
        this.servers = servers;
        this.players = new UUID[servers.size()][playersPerServer];
        for (UUID[] onServer : players) {
            for (int p = 0; p < onServer.length; p++) {
                onServer[p] = UUID.randomUUID();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: NetworkLoad URL KEYS_FILE PLAYERS_PER_SERVER SECONDS CHAT_PER_SECOND EVENTS_PER_SECOND"
                    + " SWITCHES_PER_SECOND  (e.g. http://127.0.0.1:8080 keys.txt 50 60 20 50000 100)");
            System.exit(2);
        }
        List<String[]> servers = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+")).toList();
        NetworkLoad load = new NetworkLoad(args[0], servers, Integer.parseInt(args[2]));
        load.run(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
    }

    private void run(int seconds, int chatRate, int eventRate, int switchRate) throws Exception {
        long setupStart = System.nanoTime();
        register();
        List<EventStream> streams = connect();
        System.out.printf("setup: %d servers registered, %d players joined, %d streams connected in %.1f s%n",
                servers.size(), servers.size() * players[0].length, streams.size(), (System.nanoTime() - setupStart) / 1e9);

        // Every server heartbeats every 5 s; the other loads run at the rates asked for (0 leaves one out).
        List<CompletableFuture<OpenLoop.Result>> loops = new ArrayList<>();
        loops.add(loop("heartbeat", Math.max(1, servers.size() / 5), seconds, this::heartbeat));
        if (chatRate > 0) {
            loops.add(loop("chat", chatRate, seconds, this::chat));
        }
        if (eventRate > 0) {
            loops.add(loop("events", Math.max(1, eventRate / EVENTS_PER_BATCH), seconds, this::events));
        }
        if (switchRate > 0) {
            loops.add(loop("switch", switchRate, seconds, this::switchServer));
        }
        for (CompletableFuture<OpenLoop.Result> result : loops) {
            result.get().print();
        }
        Thread.sleep(2_000); // the last chat messages still on their way
        var perDelivery = delivery.getIntervalHistogram();
        var perMessage = fanout.getIntervalHistogram();
        System.out.printf("chat to every stream: %d deliveries, ms p50 %.2f  p99 %.2f  max %.2f%n", perDelivery.getTotalCount(),
                OpenLoop.ms(perDelivery.getValueAtPercentile(50)), OpenLoop.ms(perDelivery.getValueAtPercentile(99)),
                OpenLoop.ms(perDelivery.getMaxValue()));
        System.out.printf("chat until the last of %d servers had it: %d messages, ms p50 %.2f  p99 %.2f  max %.2f"
                        + " (%d messages not seen by every server)%n", servers.size(), perMessage.getTotalCount(),
                OpenLoop.ms(perMessage.getValueAtPercentile(50)), OpenLoop.ms(perMessage.getValueAtPercentile(99)),
                OpenLoop.ms(perMessage.getMaxValue()), receivers.size());
        streams.forEach(EventStream::close);
        http.close();
    }

    private CompletableFuture<OpenLoop.Result> loop(String name, int rate, int seconds, Supplier<HttpRequest> next) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return OpenLoop.run(name, http, rate, seconds, next, status -> status / 100 == 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, command -> Thread.ofPlatform().name("load-" + name).start(command));
    }

    private void register() throws Exception {
        Semaphore parallel = new Semaphore(64);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int s = 0; s < servers.size(); s++) {
            String name = servers.get(s)[0];
            String group = s % 4 == 0 ? "lobby" : "survival";
            expect(send(post("/api/v1/servers", "{\"name\":\"" + name + "\",\"group\":\"" + group + "\",\"address\":\"10.0."
                    + (s / 250) + "." + (s % 250) + ":25565\",\"capacity\":" + players[s].length * 2 + "}")), 201, 409);
            for (UUID player : players[s]) {
                parallel.acquire();
                pending.add(http.sendAsync(session(player, name), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> parallel.release()));
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
    }

    private List<EventStream> connect() throws Exception {
        List<EventStream> streams = new ArrayList<>();
        for (String[] server : servers) {
            // One HTTP client for all simulated servers: 200 selector threads would fight the server for 2 cores.
            VeltrixClient client = VeltrixClient.create(c -> c.baseUrl(url).apiKey(server[1]).httpClient(streamHttp));
            EventStream stream = client.stream(this::received);
            stream.connected().get(30, TimeUnit.SECONDS);
            streams.add(stream);
        }
        return streams;
    }

    private void received(StreamEvent event) {
        if (!event.type().equals("chat.posted") || !(event.payload().get("text") instanceof String text) || !text.startsWith(MARK)) {
            return;
        }
        long sentAt = Long.parseLong(text.substring(MARK.length()));
        long latency = System.nanoTime() - sentAt;
        delivery.recordValue(latency);
        AtomicInteger count = receivers.computeIfAbsent(sentAt, t -> new AtomicInteger());
        if (count.incrementAndGet() == servers.size()) {
            fanout.recordValue(latency);
            receivers.remove(sentAt);
        }
    }

    private synchronized HttpRequest heartbeat() {
        int s = random.nextInt(servers.size());
        return post("/api/v1/servers/" + servers.get(s)[0] + "/heartbeat", "{\"players\":" + players[s].length
                + ",\"tps\":19.8,\"memoryMb\":4096}");
    }

    private synchronized HttpRequest chat() {
        int s = random.nextInt(servers.size());
        UUID sender = players[s][random.nextInt(players[s].length)];
        return post("/api/v1/chat/global", "{\"player\":\"" + sender + "\",\"text\":\"" + MARK + System.nanoTime() + "\"}");
    }

    private synchronized HttpRequest events() {
        int s = random.nextInt(servers.size());
        StringBuilder body = new StringBuilder("{\"server\":\"").append(servers.get(s)[0]).append("\",\"events\":[");
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(dev.veltrix.core.id.UuidV7.next()).append("\",\"type\":\"mob.killed\",\"player\":\"")
                    .append(players[s][random.nextInt(players[s].length)]).append("\",\"data\":{\"mob\":\"zombie\"}}");
        }
        return post("/api/v1/events", body.append("]}").toString());
    }

    private synchronized HttpRequest switchServer() {
        int from = random.nextInt(servers.size());
        int to = random.nextInt(servers.size());
        return session(players[from][random.nextInt(players[from].length)], servers.get(to)[0]);
    }

    private HttpRequest session(UUID player, String server) {
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/players/" + player + "/session"))
                .header("Authorization", "Bearer " + servers.getFirst()[1]).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString("{\"server\":\"" + server + "\"}")).build();
    }

    private HttpRequest post(String path, String body) {
        return LoadScenario.post(url + path, servers.getFirst()[1], body);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException("setup failed: " + response.statusCode() + " " + response.body());
    }
}
