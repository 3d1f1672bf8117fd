package dev.veltrix.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load-balancer configuration lists every open proxy, and only proxies. */
class ProxyConfigTest {
    private static GameServer server(String name, ServerKind kind, String address, boolean maintenance) {
        return new GameServer(name, kind, "proxy", address, 2_000, List.of(), maintenance, 0, 20, 0, Instant.EPOCH, true);
    }

    private static final List<GameServer> SERVERS = List.of(server("proxy-1", ServerKind.PROXY, "10.0.0.1:25577", false),
            server("proxy-2", ServerKind.PROXY, "10.0.0.2:25577", false),
            server("proxy-3", ServerKind.PROXY, "10.0.0.3:25577", true),
            server("lobby-1", ServerKind.GAME, "10.0.1.1:25565", false));

    @Test
    void haproxySpreadsPlayersOverTheOpenProxies() {
        String config = ProxyConfig.render("haproxy", SERVERS, 25565);
        assertThat(config).contains("bind :25565", "balance leastconn",
                "server proxy-1 10.0.0.1:25577 check maxconn 2000 send-proxy-v2", "server proxy-2 10.0.0.2:25577");
        assertThat(config).doesNotContain("proxy-3", "lobby-1");
    }

    @Test
    void nginxHasATcpAndAUdpListener() {
        String config = ProxyConfig.render("NGINX", SERVERS, 5520);
        assertThat(config).contains("server 10.0.0.1:25577 max_conns=2000;", "listen 5520;", "listen 5520 udp;", "least_conn;");
        assertThat(config).doesNotContain("10.0.1.1");
    }

    @Test
    void anUnknownFormatOrNoProxiesSaysWhatToDo() {
        assertThatThrownBy(() -> ProxyConfig.render("caddy", SERVERS, 1)).hasMessageContaining("haproxy or nginx");
        assertThatThrownBy(() -> ProxyConfig.render("nginx", SERVERS.subList(3, 4), 1)).hasMessageContaining("no proxies");
    }
}
