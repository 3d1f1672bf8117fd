package dev.veltrix.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.TestNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    @Test
    void theOpenApiDocumentDescribesExactlyTheEndpointsTheServerRegisters() throws Exception {
        try (TestNode node = TestNode.start()) {
            var response = node.get("/api/v1/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(response.body());

            Set<String> documented = new HashSet<>();
            doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                assertThat(op.getValue().get("x-veltrix-scope")).as("scope of %s", path.getKey()).isNotNull();
            }));
            Set<String> registered = new HashSet<>();
            node.node.apiEndpoints().forEach(e -> {
                registered.add(e.method().name() + " " + e.path());
                String op = e.method().name().toLowerCase(Locale.ROOT);
                assertThat(doc.at("/paths/" + e.path().replace("/", "~1") + "/" + op + "/x-veltrix-scope").asText())
                        .as("documented scope of %s %s", e.method(), e.path()).isEqualTo(e.scope().text());
            });
            assertThat(documented).isEqualTo(registered);
        }
    }

    @Test
    void theBrowsableDocsLoadSwaggerUiFromTheServerItself() {
        try (TestNode node = TestNode.start()) {
            var page = node.get("/api/docs");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/webjars/swagger-ui/5.32.6/swagger-ui-bundle.js");
            assertThat(node.get("/webjars/swagger-ui/5.32.6/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
            assertThat(node.get("/api-docs.js").body()).contains("/api/v1/openapi.json");
        }
    }
}
