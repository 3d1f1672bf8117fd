package dev.veltrix.server.cli;

import dev.veltrix.server.VeltrixNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veltrix serve}: runs a node until it is stopped (Ctrl-C or SIGTERM close it cleanly). */
@Command(name = "serve", description = "Run Veltrix: API, stream, console and portal on one port.")
final class ServeCommand implements Runnable {
    @Mixin
    ConfigOptions config;

    @Option(names = "--port", description = "port to listen on (same as --set http.port=N)")
    Integer port;

    @Override
    public void run() {
        Map<String, String> extra = new LinkedHashMap<>();
        if (port != null) {
            extra.put("http.port", port.toString());
        }
        VeltrixNode node = VeltrixNode.start(config.load(extra), Clock.systemUTC(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "veltrix-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
