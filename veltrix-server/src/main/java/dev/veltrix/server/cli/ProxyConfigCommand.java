package dev.veltrix.server.cli;

import dev.veltrix.network.NetworkService;
import dev.veltrix.network.NetworkSettings;
import dev.veltrix.network.ProxyConfig;
import dev.veltrix.network.sql.JooqNetworkStore;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veltrix proxy-config}: prints a load balancer's configuration for the registered proxies. */
@Command(name = "proxy-config", description = "Print an HAProxy or nginx configuration that spreads players over the "
        + "registered proxies (TCP stream mode).")
final class ProxyConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--format", required = true, description = "haproxy or nginx")
    String format;

    @Option(names = "--port", defaultValue = "25565", description = "port players connect to (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() {
        try (var database = config.openDatabase()) {
            var network = new NetworkService(new JooqNetworkStore(database), Clock.systemUTC(), NetworkSettings.DEFAULTS);
            System.out.print(ProxyConfig.render(format, network.servers(), port));
            return 0;
        }
    }
}
