package dev.veltrix.branding;

import java.util.Locale;
import java.util.regex.Pattern;

/** An sRGB colour written #rrggbb, with WCAG 2.1's relative luminance and contrast ratio. */
public record Colour(int red, int green, int blue) {
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    /** The colour {@code text} names (#rgb or #rrggbb), or null when it is not one. */
    public static Colour parse(String text) {
        if (text == null || !HEX.matcher(text.strip()).matches()) {
            return null;
        }
        String hex = text.strip().substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int rgb = Integer.parseInt(hex, 16);
        return new Colour(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** WCAG 2.1 relative luminance, 0 (black) to 1 (white). */
    public double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The contrast ratio of two colours, 1 to 21, whichever is lighter. */
    public static double contrast(Colour a, Colour b) {
        double la = a.luminance();
        double lb = b.luminance();
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * The colour nearest this one (moving towards black or white, whichever reaches further) that has at least
     * {@code ratio} against {@code against}: a suggested fix for a failing pair.
     */
    public Colour towards(Colour against, double ratio) {
        Colour best = null;
        for (int target : new int[] {0, 255}) {
            for (int step = 1; step <= 100; step++) {
                double t = step / 100.0;
                Colour c = new Colour(mix(red, target, t), mix(green, target, t), mix(blue, target, t));
                if (contrast(c, against) >= ratio) {
                    if (best == null || distance(c) < distance(best)) {
                        best = c;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** This colour moved {@code t} (0..1) of the way towards {@code other}: borders drawn from a palette. */
    public Colour blend(Colour other, double t) {
        return new Colour(mix(red, other.red, t), mix(green, other.green, t), mix(blue, other.blue, t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    private double distance(Colour other) {
        return Math.abs(red - other.red) + Math.abs(green - other.green) + Math.abs(blue - other.blue);
    }
}
