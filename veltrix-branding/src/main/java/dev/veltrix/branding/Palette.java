package dev.veltrix.branding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A brand's colours, as #rrggbb: the page background, the surface of cards and bars, body text and muted text on
 * them, the primary colour (links, buttons) with the text on it, and the accent with the text on it.
 */
public record Palette(String background, String surface, String text, String muted, String primary, String onPrimary, String accent,
                      String onAccent) {
    public static final Palette VELTRIX = new Palette("#0f1115", "#181b22", "#e8eaf0", "#9aa3b2", "#4f8cff", "#0b0d12", "#f5a524", "#0b0d12");

    /** The colours by name, in the order the editor shows them. */
    public Map<String, String> named() {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("background", background);
        named.put("surface", surface);
        named.put("text", text);
        named.put("muted", muted);
        named.put("primary", primary);
        named.put("onPrimary", onPrimary);
        named.put("accent", accent);
        named.put("onAccent", onAccent);
        return named;
    }
}
