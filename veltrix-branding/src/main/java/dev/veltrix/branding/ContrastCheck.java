package dev.veltrix.branding;

import java.util.ArrayList;
import java.util.List;

/**
 * The WCAG 2.1 AA pairs of a palette: body text on the page and on cards, and the text on buttons need 4.5:1; muted
 * text (used large, for labels) and controls against their surroundings need 3:1. A failing pair is named with its
 * ratio and a colour that would pass.
 */
public final class ContrastCheck {
    private ContrastCheck() {
    }

    /** One pair that fails, and the foreground colour nearest the chosen one that would pass. */
    public record Failure(String foreground, String background, double ratio, double needed, String suggestion) {
        public String message() {
            return String.format(java.util.Locale.ROOT, "%s on %s is %.2f:1; it needs %.1f:1%s", foreground, background, ratio, needed,
                    suggestion == null ? "" : " (try " + foreground + " " + suggestion + ")");
        }
    }

    public static List<Failure> check(Palette p) {
        List<Failure> failures = new ArrayList<>();
        pair(failures, "text", p.text(), "background", p.background(), 4.5);
        pair(failures, "text", p.text(), "surface", p.surface(), 4.5);
        pair(failures, "primary", p.primary(), "background", p.background(), 4.5); // links are text in the primary colour
        pair(failures, "onPrimary", p.onPrimary(), "primary", p.primary(), 4.5);
        pair(failures, "onAccent", p.onAccent(), "accent", p.accent(), 4.5);
        pair(failures, "muted", p.muted(), "surface", p.muted() == null ? null : p.surface(), 3.0);
        pair(failures, "primary", p.primary(), "surface", p.surface(), 3.0); // buttons and inputs on cards
        return failures;
    }

    private static void pair(List<Failure> failures, String fgName, String fg, String bgName, String bg, double needed) {
        Colour f = Colour.parse(fg);
        Colour b = Colour.parse(bg);
        if (f == null || b == null) {
            return; // an unreadable colour is reported by the brand's rules
        }
        double ratio = Colour.contrast(f, b);
        if (ratio < needed) {
            Colour better = f.towards(b, needed);
            failures.add(new Failure(fgName, bgName, ratio, needed, better == null ? null : better.hex()));
        }
    }
}
