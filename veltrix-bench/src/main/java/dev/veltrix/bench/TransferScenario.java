package dev.veltrix.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/** Transfers of one coin between 2,000 funded players. */
final class TransferScenario implements LoadScenario {
    static final int PLAYERS = 2_000;
    private final List<String> players = new ArrayList<>();

    @Override
    public void setup(HttpClient http, String url, String key) throws Exception {
        players.addAll(fund(http, url, key, "coins", 1_000_000_000L));
    }

    /** Creates a currency (if new) and 2,000 players holding {@code amount} of it; returns their accounts. */
    static List<String> fund(HttpClient http, String url, String key, String currency, long amount) throws Exception {
        LoadScenario.send(http, LoadScenario.post(url + "/api/v1/currencies", key,
                "{\"code\":\"" + currency + "\",\"name\":\"" + currency + "\",\"decimals\":0}"), Set.of(201, 409));
        List<String> funded = new ArrayList<>();
        for (int batch = 0; batch < PLAYERS / 100; batch++) {
            StringBuilder legs = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                funded.add("player:" + UUID.randomUUID());
                legs.append(i == 0 ? "" : ",").append(LoadScenario.transfer("system:issuance", funded.getLast(), currency, amount));
            }
            LoadScenario.send(http, LoadScenario.post(url + "/api/v1/transfers/batch", key, "{\"transfers\":[" + legs + "]}"),
                    Set.of(201));
        }
        return funded;
    }

    @Override
    public HttpRequest next(String url, String key, SplittableRandom random) {
        String from = players.get(random.nextInt(PLAYERS));
        String to = players.get(random.nextInt(PLAYERS));
        return LoadScenario.post(url + "/api/v1/transfers", key,
                LoadScenario.transfer(from, from.equals(to) ? "system:sink" : to, "coins", 1));
    }
}
