package dev.veltrix.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.server.TestNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObservabilityTest {

    @Test
    void metricsExposeJvmHttpLatencyByRouteAndLedgerCounters() {
        try (TestNode node = TestNode.start()) {
            node.createCoins();
            for (int i = 0; i < 3; i++) {
                node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"player:" + UUID.randomUUID()
                        + "\",\"currency\":\"coins\",\"amount\":7}", UUID.randomUUID().toString());
            }
            node.post("/api/v1/transfers", "{\"from\":\"player:" + UUID.randomUUID()
                    + "\",\"to\":\"system:sink\",\"currency\":\"coins\",\"amount\":7}", UUID.randomUUID().toString());

            var metrics = node.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
            String text = metrics.body();
            assertThat(text).contains("jvm_memory_used_bytes");
            assertThat(text).containsPattern("http_server_requests_seconds_bucket\\{.*route=\"/api/v1/transfers\".*status=\"201\"");
            assertThat(text).containsPattern("(?m)^veltrix_ledger_transfers_total 3\\.0$");
            assertThat(text).containsPattern("veltrix_ledger_refusals_total\\{reason=\"insufficient-funds\"} 1\\.0");
            assertThat(text).contains("veltrix_ledger_group_commit_seconds_bucket");
        }
    }

    @Test
    void healthEndpointsAnswerForLoadBalancers() {
        try (TestNode node = TestNode.start()) {
            assertThat(node.get("/health/live").body()).contains("\"UP\"");
            var ready = node.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"", "\"database\":{\"status\":\"UP\",\"detail\":\"sqlite answers\"}");
        }
    }
}
