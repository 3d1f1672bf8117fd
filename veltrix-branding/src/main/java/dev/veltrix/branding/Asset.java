package dev.veltrix.branding;

/** A brand's image (logo or favicon) as it is served: PNG, or SVG made safe. */
public record Asset(String contentType, byte[] bytes) {
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
}
