package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import dev.veltrix.network.GameServer;
import dev.veltrix.network.NetworkService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The console's live network page: servers by group with their health and load, refreshed every few seconds. */
public final class NetworkPages {
    private final Web web;
    private final NetworkService network;

    public NetworkPages(Web web, NetworkService network) {
        this.web = web;
        this.network = network;
    }

    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/network", this::page);
    }

    private void page(Context ctx) {
        Map<String, List<GameServer>> groups = new TreeMap<>();
        for (GameServer server : network.servers()) {
            groups.computeIfAbsent(server.group(), g -> new java.util.ArrayList<>()).add(server);
        }
        web.render(ctx, "console/network.jte", params("csrf", session(ctx).csrfToken(), "groups", groups,
                "players", network.playersByGroup()));
    }
}
