package dev.veltrix.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Limit orders on the gems-coins pair from 2,000 players holding both: prices within ±10 ticks of
 * 1,000, so a large share crosses and trades. Each order is escrowed, matched and settled.
 */
final class OrderScenario implements LoadScenario {
    private final List<String> players = new ArrayList<>();

    @Override
    public void setup(HttpClient http, String url, String key) throws Exception {
        List<String> coins = TransferScenario.fund(http, url, key, "coins", 1_000_000_000_000L);
        players.addAll(coins);
        LoadScenario.send(http, LoadScenario.post(url + "/api/v1/currencies", key,
                "{\"code\":\"gems\",\"name\":\"Gems\",\"decimals\":0}"), Set.of(201, 409));
        for (int batch = 0; batch < players.size() / 100; batch++) {
            StringBuilder legs = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                legs.append(i == 0 ? "" : ",").append(LoadScenario.transfer("system:issuance",
                        players.get(batch * 100 + i), "gems", 1_000_000_000L));
            }
            LoadScenario.send(http, LoadScenario.post(url + "/api/v1/transfers/batch", key, "{\"transfers\":[" + legs + "]}"),
                    Set.of(201));
        }
        LoadScenario.send(http, LoadScenario.request("PUT", url + "/api/v1/exchange/pairs/gems-coins", key,
                "{\"tickSize\":1,\"minQuantity\":1,\"feeBps\":10}"), Set.of(200));
    }

    @Override
    public HttpRequest next(String url, String key, SplittableRandom random) {
        String player = players.get(random.nextInt(players.size())).substring("player:".length());
        boolean buy = random.nextBoolean();
        long price = 1_000 + (buy ? -1 : 1) * (random.nextInt(21) - 6);
        String body = "{\"player\":\"" + player + "\",\"side\":\"" + (buy ? "BUY" : "SELL") + "\",\"type\":\"LIMIT\",\"price\":"
                + price + ",\"quantity\":" + (1 + random.nextInt(20)) + "}";
        return LoadScenario.post(url + "/api/v1/exchange/gems-coins/orders", key, body);
    }
}
