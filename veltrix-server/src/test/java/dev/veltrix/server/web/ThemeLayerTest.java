package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page takes its colours from the theme layer: no template, script or style sheet names a colour, except the
 * style sheet's {@code :root} block of defaults that a brand's theme overrides. A colour written anywhere else would
 * ignore the brand, so this fails naming the file and line.
 */
class ThemeLayerTest {
    private static final Pattern COLOUR = Pattern.compile("(^|[^&\\w])#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\\b|\\b(rgba?|hsla?)\\s*\\(");
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path STATIC = Path.of("src/main/resources/public");

    @Test
    void noTemplateScriptOrStyleSheetHardCodesAColour() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(TEMPLATES), Files.walk(STATIC))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(jte|js|css)$")).toList()) {
                boolean inRoot = false;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (file.toString().endsWith(".css") && line.startsWith(":root")) {
                        inRoot = true;
                    }
                    if (!inRoot && COLOUR.matcher(line).find()) {
                        found.add(file + ":" + (i + 1) + ": " + line.strip());
                    }
                    if (inRoot && line.startsWith("}")) {
                        inRoot = false;
                    }
                }
            }
        }
        assertThat(found).as("colours written outside the theme layer (use var(--vx-...))").isEmpty();
    }

    @Test
    void theThemeSetsEveryPropertyTheDefaultsDeclareForTheBrandsColours() throws IOException {
        String css = Files.readString(STATIC.resolve("static/veltrix.css"));
        String theme = ThemeRoutes.css(dev.veltrix.branding.Brand.veltrix());
        for (String property : List.of("--vx-bg", "--vx-surface", "--vx-text", "--vx-muted", "--vx-primary", "--vx-on-primary", "--vx-accent",
                "--vx-on-accent", "--vx-radius", "--vx-font")) {
            assertThat(css).as("veltrix.css declares " + property).contains(property + ":");
            assertThat(theme).as("the theme sets " + property).contains(property + ":");
        }
    }
}
