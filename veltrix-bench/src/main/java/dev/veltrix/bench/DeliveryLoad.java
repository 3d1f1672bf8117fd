package dev.veltrix.bench;

import dev.veltrix.sdk.EventStream;
import dev.veltrix.sdk.StoreDeliveries;
import dev.veltrix.sdk.VeltrixClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How fast a purchase reaches the game server: N game servers (through the real SDK: stream and
 * {@link StoreDeliveries}) with M players online each; players buy a kit with game currency at a fixed rate,
 * and each server records when the kit's command runs. Latency is from the moment the order was due to be
 * sent (it includes placing, paying and settling) to the command running on the player's server, then the
 * acknowledgement. Order ids follow from their idempotency keys, so no answer needs to be waited for.
 *
 * <pre>java -cp veltrix-bench.jar dev.veltrix.bench.DeliveryLoad URL KEYS_FILE PLAYERS_PER_SERVER ORDERS_PER_SECOND SECONDS</pre>
 * KEYS_FILE holds one {@code name key} line per server ({@code veltrix server-key create gs --count N
 * --scopes network,stream,store,store:admin,economy:write,economy:read}).
 */
public final class DeliveryLoad {
    private final String url;
    private final List<String[]> servers;
    private final String[][] names;
    private final HttpClient http = OpenLoop.client();
    private final HttpClient streamHttp = HttpClient.newHttpClient();
    private final Map<UUID, Long> dueAt = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong ran = new AtomicLong();
    private final String run = Long.toHexString(System.nanoTime() & 0xffffff);

    private DeliveryLoad(String url, List<String[]> servers, int playersPerServer) {
        this.url = url;
        this.servers = servers;
        this.names = new String[servers.size()][playersPerServer];
        for (int s = 0; s < servers.size(); s++) {
            for (int p = 0; p < playersPerServer; p++) {
                names[s][p] = "d" + run + "_" + s + "_" + p; // at most 16 characters for a few hundred servers
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: DeliveryLoad URL KEYS_FILE PLAYERS_PER_SERVER ORDERS_PER_SECOND SECONDS (e.g. http://127.0.0.1:8080 keys.txt 20 200 30)");
            System.exit(2);
        }
        List<String[]> servers = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+")).toList();
        new DeliveryLoad(args[0], servers, Integer.parseInt(args[2])).run(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    }

    private void run(int rate, int seconds) throws Exception {
        String key = servers.getFirst()[1];
        setUp(key);
        List<EventStream> streams = new ArrayList<>();
        for (String[] server : servers) {
            VeltrixClient client = VeltrixClient.create(c -> c.baseUrl(url).apiKey(server[1]).httpClient(streamHttp));
            StoreDeliveries deliveries = client.store().deliveries(server[0], this::delivered);
            EventStream stream = client.stream(deliveries::accept);
            stream.connected().get(30, TimeUnit.SECONDS);
            streams.add(stream);
        }
        // Live servers heartbeat; one silent past the timeout is down, and no delivery is sent to it.
        var heartbeats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> {
            for (int s = 0; s < servers.size(); s++) {
                http.sendAsync(LoadScenario.post(url + "/api/v1/servers/" + servers.get(s)[0] + "/heartbeat", key,
                        "{\"players\":" + names[s].length + ",\"tps\":20}"), java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        }, 0, 5, TimeUnit.SECONDS);
        SplittableRandom random = new SplittableRandom(7);
        OpenLoop.Result placed = OpenLoop.run("orders", http, rate, seconds, () -> {
            int s = random.nextInt(names.length);
            String idempotencyKey = "bench-" + run + "-" + UUID.randomUUID();
            dueAt.put(UUID.nameUUIDFromBytes(("store:order:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)), System.nanoTime());
            String body = "{\"playerName\":\"" + names[s][random.nextInt(names[s].length)] + "\",\"lines\":[{\"package\":\"bench-kit\"}],"
                    + "\"rail\":\"game\"}";
            return HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/store/orders")).header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/json")
                    .timeout(java.time.Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }, status -> status == 201);
        placed.print();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ran.get() < placed.ok() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Histogram h = latency.getIntervalHistogram();
        System.out.printf("delivery   %8d of %d orders ran on the player's server   latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ran.get(), placed.ok(), OpenLoop.ms(h.getValueAtPercentile(50)), OpenLoop.ms(h.getValueAtPercentile(90)),
                OpenLoop.ms(h.getValueAtPercentile(99)), OpenLoop.ms(h.getValueAtPercentile(99.9)), OpenLoop.ms(h.getMaxValue()));
        heartbeats.shutdownNow();
        streams.forEach(EventStream::close);
        System.exit(0);
    }

    private void delivered(StoreDeliveries.Delivery delivery) {
        Long due = dueAt.remove(UUID.fromString(delivery.order()));
        if (due != null) {
            latency.recordValue(System.nanoTime() - due);
            ran.incrementAndGet();
        }
    }

    /** The coins currency, the kit for sale, the servers registered and every player online and funded. */
    private void setUp(String key) throws Exception {
        LoadScenario.send(http, LoadScenario.post(url + "/api/v1/currencies", key, "{\"code\":\"coins\",\"name\":\"Coins\",\"decimals\":0}"),
                Set.of(201, 409));
        LoadScenario.send(http, LoadScenario.request("PUT", url + "/api/v1/store/categories/bench", key, "{\"name\":\"Bench\"}"), Set.of(200));
        LoadScenario.send(http, LoadScenario.request("PUT", url + "/api/v1/store/packages/bench-kit", key, "{\"category\":\"bench\","
                + "\"name\":\"Bench kit\",\"currency\":\"coins\",\"price\":1,\"deliverables\":[{\"type\":\"command\",\"group\":\"bench\","
                + "\"command\":\"give {player} bread 1\",\"whenOnline\":true}]}"), Set.of(200));
        for (int s = 0; s < servers.size(); s++) {
            LoadScenario.send(http, LoadScenario.post(url + "/api/v1/servers", key, "{\"name\":\"" + servers.get(s)[0]
                    + "\",\"group\":\"bench\",\"address\":\"10.1.0." + (s % 250) + ":25565\",\"capacity\":1000}"), Set.of(201));
            for (String name : names[s]) {
                UUID player = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
                LoadScenario.send(http, LoadScenario.request("PUT", url + "/api/v1/players/" + player + "/session", key,
                        "{\"server\":\"" + servers.get(s)[0] + "\",\"name\":\"" + name + "\"}"), Set.of(200));
                LoadScenario.send(http, LoadScenario.post(url + "/api/v1/transfers", key,
                        LoadScenario.transfer("system:issuance", "player:" + player, "coins", 1_000_000)), Set.of(201));
            }
        }
    }
}
