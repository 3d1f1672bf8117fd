package dev.veltrix.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator's monitoring files hold what a node serves: Prometheus (promtool from Debian's prometheus package)
 * accepts the alert rules and lints Veltrix's metrics clean, and every metric the rules and the Grafana dashboard
 * name is one a node exports.
 */
class PrometheusFilesTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path RULES = Path.of("../ops/prometheus/alerts.yml");
    private static final Path DASHBOARD = Path.of("../ops/grafana/veltrix.json");
    private static final Pattern METRIC = Pattern.compile("\\b(veltrix_[a-z0-9_]+)");

    private static String run(String input, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    @Test
    void promtoolAcceptsTheRulesAndLintsTheMetricsCleanAndEveryNamedMetricIsExported() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool checks skipped: install Debian's prometheus package "
                + "(apt-get install -y prometheus); CI installs it in .ci/run");
        assertThat(run(null, PROMTOOL.toString(), "check", "rules", RULES.toString())).contains("SUCCESS: 5 rules found");
        try (TestNode node = TestNode.start()) {
            // Some series appear with their first sample: a denied action on a claim makes the grief counter exist.
            assertThat(node.put("/api/v1/claims/worlds/world", "{}").statusCode()).isLessThan(300);
            assertThat(node.post("/api/v1/claims", "{\"world\":\"world\",\"owner\":\"" + UUID.randomUUID()
                    + "\",\"x1\":0,\"z1\":0,\"x2\":9,\"z2\":9}", null).statusCode()).isEqualTo(201);
            var denied = node.post("/api/v1/claims/incidents", "{\"incidents\":[{\"player\":\"" + UUID.randomUUID()
                    + "\",\"action\":\"BUILD\",\"world\":\"world\",\"x\":5,\"y\":64,\"z\":5}]}", null);
            assertThat(denied.statusCode()).as(denied.body()).isEqualTo(201);
            String metrics = node.get("/metrics").body();
            StringBuilder ours = new StringBuilder();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("veltrix_") || line.startsWith("# HELP veltrix_") || line.startsWith("# TYPE veltrix_")) {
                    ours.append(line).append('\n');
                }
            }
            run(ours.toString(), PROMTOOL.toString(), "check", "metrics");
            Set<String> named = new LinkedHashSet<>();
            collect(Files.readString(RULES), named);
            JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
            dashboard.findValues("expr").forEach(expr -> collect(expr.asText(), named));
            assertThat(named).hasSizeGreaterThan(10);
            for (String name : named) {
                assertThat(metrics).as(name + " is exported").containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
            }
        }
    }

    private static void collect(String text, Set<String> into) {
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
