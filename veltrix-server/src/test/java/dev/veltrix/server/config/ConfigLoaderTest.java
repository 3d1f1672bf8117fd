package dev.veltrix.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void withNothingConfiguredRunsTheEmbeddedDefault() {
        VeltrixConfig config = ConfigLoader.load(dir.resolve("absent.yml"), Map.of(), Map.of());
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.storage().url()).isEqualTo("jdbc:sqlite:data/veltrix.db");
        assertThat(config.nodeId()).startsWith("node-");
    }

    @Test
    void theFileTheEnvironmentAndTheCommandLineOverrideInThatOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("veltrix.yml"), """
                http:
                  port: 9000
                  max-body-bytes: 4096
                storage:
                  url: jdbc:postgresql://db/veltrix
                  user: veltrix
                """);
        VeltrixConfig config = ConfigLoader.load(file,
                Map.of("VELTRIX_HTTP_PORT", "9100", "VELTRIX_STORAGE_USER", "ops"),
                Map.of("http.port", "9200"));
        assertThat(config.http().port()).isEqualTo(9200);
        assertThat(config.http().maxBodyBytes()).isEqualTo(4096);
        assertThat(config.storage().url()).isEqualTo("jdbc:postgresql://db/veltrix");
        assertThat(config.storage().user()).isEqualTo("ops");
    }

    @Test
    void anInvalidValueStopsStartUpNamingTheKeyTheSourceAndWhatIsAccepted() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("VELTRIX_HTTP_PORT", "eighty"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port=eighty")
                .hasMessageContaining("VELTRIX_HTTP_PORT")
                .hasMessageContaining("a whole number from 0 to 65535");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("storage.url", "mongodb://x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
    }

    @Test
    void anUnknownKeyInTheFileStopsStartUpAndListsTheKnownOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("veltrix.yml"), "http:\n  prot: 9000\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting http.prot")
                .hasMessageContaining("http.port");
    }

    @Test
    void everySettingHasADocumentedEnvironmentVariable() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (Setting<?> setting : Settings.ALL) {
            assertThat(docs).as("docs/configuration.md names %s", setting.key())
                    .contains("`" + setting.key() + "`").contains("`" + setting.environmentVariable() + "`");
        }
    }
}
