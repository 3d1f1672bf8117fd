package dev.veltrix.branding;

import java.util.Locale;

/** The font stacks a brand may choose: system fonts only, so no page loads a font from elsewhere. */
public enum FontStack {
    SYSTEM("system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif"),
    HUMANIST("\"Seravek\", \"Gill Sans Nova\", Ubuntu, Calibri, \"DejaVu Sans\", source-sans-pro, sans-serif"),
    GEOMETRIC("Avenir, Montserrat, Corbel, \"URW Gothic\", source-sans-pro, sans-serif"),
    SERIF("Charter, \"Bitstream Charter\", \"Sitka Text\", Cambria, serif"),
    ROUNDED("ui-rounded, \"Hiragino Maru Gothic ProN\", Quicksand, Comfortaa, Manjari, \"Arial Rounded MT\", Calibri, source-sans-pro, sans-serif"),
    MONOSPACE("ui-monospace, \"Cascadia Code\", \"Source Code Pro\", Menlo, Consolas, \"DejaVu Sans Mono\", monospace");

    private final String css;

    FontStack(String css) {
        this.css = css;
    }

    public String css() {
        return css;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
