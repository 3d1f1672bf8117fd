package dev.veltrix.bench;

import java.net.http.HttpClient;
import java.util.SplittableRandom;

/**
 * An open-loop HTTP load generator for one kind of request (see {@link OpenLoop}). Bounded by
 * rate x seconds requests, sent over {@value #CONNECTIONS} keep-alive connections, each request in one write
 * ({@link SingleWriteLoop}); the JDK client does the setup.
 *
 * <pre>java -cp veltrix-bench.jar dev.veltrix.bench.LoadGenerator URL KEY RATE SECONDS [transfers|orders|events]</pre>
 */
public final class LoadGenerator {
    static final int CONNECTIONS = 128;

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: LoadGenerator URL KEY RATE_PER_SECOND SECONDS [transfers|orders|events]"
                    + "  (e.g. http://127.0.0.1:8080 vx_... 5000 30 orders)");
            System.exit(2);
        }
        String url = args[0];
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        LoadScenario scenario = LoadScenario.named(args.length == 5 ? args[4] : "transfers");
        if (rate < 1 || rate > 100_000 || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("rate must be 1..100000 per second and seconds 1..600");
        }
        HttpClient http = OpenLoop.client();
        scenario.setup(http, url, key);
        SplittableRandom random = new SplittableRandom(7);
        SingleWriteLoop.run(scenario.getClass().getSimpleName().replace("Scenario", "").toLowerCase(java.util.Locale.ROOT),
                java.net.URI.create(url), CONNECTIONS, rate, seconds, () -> scenario.next(url, key, random),
                status -> status == scenario.okStatus()).print();
        http.close();
    }
}
