package dev.veltrix.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves settings in layers, each overriding the one before: defaults, the YAML file, VELTRIX_*
 * environment variables, then command-line overrides. An unknown key in the file or on the command
 * line stops start-up, because a typo there would otherwise silently leave a default in force.
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    /** A raw value and where it came from, for error messages. */
    record Raw(String text, String source) {
    }

    private ConfigLoader() {
    }

    public static VeltrixConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, Raw> raw = new LinkedHashMap<>();
        if (file != null && Files.exists(file)) {
            readYaml(file, raw);
        }
        for (Setting<?> setting : Settings.ALL) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                raw.put(setting.key(), new Raw(value, setting.environmentVariable()));
            }
        }
        warnAboutUnknownVariables(environment);
        overrides.forEach((key, value) -> {
            requireKnown(key, "the command line");
            raw.put(key, new Raw(value, "the command line"));
        });
        return Settings.build(raw);
    }

    private static void readYaml(Path file, Map<String, Raw> raw) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        flatten("", root, file, raw);
    }

    private static void flatten(String prefix, JsonNode node, Path file, Map<String, Raw> raw) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), file, raw));
            return;
        }
        requireKnown(prefix, file.toString());
        if (!node.isValueNode()) {
            throw new ConfigException("invalid setting " + prefix + " in " + file + ": expected a single value");
        }
        raw.put(prefix, new Raw(node.asText(), file.toString()));
    }

    private static void requireKnown(String key, String source) {
        if (Settings.byKey(key).isEmpty()) {
            throw new ConfigException("unknown setting " + key + " in " + source + "; known settings are "
                    + Settings.ALL.stream().map(Setting::key).collect(Collectors.joining(", ")));
        }
    }

    private static void warnAboutUnknownVariables(Map<String, String> environment) {
        for (String name : environment.keySet()) {
            boolean known = Settings.ALL.stream().anyMatch(s -> s.environmentVariable().equals(name));
            if (name.startsWith("VELTRIX_") && !known && !name.startsWith("VELTRIX_TEST_")) {
                LOG.warn("ignoring environment variable {}: it names no setting (see docs/configuration.md)", name);
            }
        }
    }
}
