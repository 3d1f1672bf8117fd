package dev.veltrix.server.web;

import dev.veltrix.branding.Asset;
import dev.veltrix.branding.Brand;
import dev.veltrix.branding.Brands;
import dev.veltrix.branding.Colour;
import dev.veltrix.branding.Palette;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The theme layer every page takes its look from: {@code /brand/theme.css} sets the CSS custom properties of the
 * brand the host name shows (the only place a page's colours, font and corners come from), {@code /brand/logo} and
 * {@code /brand/favicon} its images, and {@code /legal/*} its terms, privacy and refund texts.
 */
public final class ThemeRoutes {
    private final Web web;
    private final Brands brands;
    // Assets never change within a version, so they are kept by brand and version once read.
    private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

    public ThemeRoutes(Web web, Brands brands) {
        this.web = web;
        this.brands = brands;
    }

    public void register(RoutesConfig routes) {
        routes.get("/brand/theme.css", ctx -> {
            Brands.Live live = brands.forHost(ctx.host());
            ctx.header("Cache-Control", "no-cache").contentType("text/css; charset=utf-8").result(css(live.brand()));
        });
        routes.get("/brand/logo", ctx -> image(ctx, "logo"));
        routes.get("/brand/favicon", ctx -> image(ctx, "favicon"));
        routes.get("/legal/{kind}", this::legal);
    }

    /** The brand as CSS custom properties; veltrix.css holds the same names with Veltrix's own values. */
    public static String css(Brand brand) {
        Palette p = brand.palette();
        return ":root {\n"
                + "  --vx-bg: " + p.background() + ";\n"
                + "  --vx-surface: " + p.surface() + ";\n"
                + "  --vx-text: " + p.text() + ";\n"
                + "  --vx-muted: " + p.muted() + ";\n"
                + "  --vx-primary: " + p.primary() + ";\n"
                + "  --vx-on-primary: " + p.onPrimary() + ";\n"
                + "  --vx-accent: " + p.accent() + ";\n"
                + "  --vx-on-accent: " + p.onAccent() + ";\n"
                // Lines between things: the surface a fifth of the way to the text, so they suit light and dark brands.
                + "  --vx-border: " + Colour.parse(p.surface()).blend(Colour.parse(p.text()), 0.2).hex() + ";\n"
                + "  --vx-chart-1: " + p.primary() + ";\n"
                + "  --vx-chart-4: " + p.accent() + ";\n"
                + "  --vx-radius: " + brand.radius() + "px;\n"
                + "  --vx-font: " + brand.font().css() + ";\n"
                + "}\n";
    }

    private Optional<Asset> asset(Brands.Live live, String kind) {
        if (live.version() == 0) {
            return Optional.empty();
        }
        return assets.computeIfAbsent(live.brand().id() + "@" + live.version() + "/" + kind, k -> brands.asset(live.brand().id(), live.version(), kind));
    }

    private void image(Context ctx, String kind) {
        Asset asset = asset(brands.forHost(ctx.host()), kind).orElseThrow(() -> new NotFoundResponse("this brand has no " + kind));
        // An SVG is served as an image with a policy that runs nothing, even when opened on its own.
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        ctx.header("Cache-Control", "no-cache").contentType(asset.contentType()).result(asset.bytes());
    }

    private void legal(Context ctx) {
        Brand brand = brands.forHost(ctx.host()).brand();
        String kind = ctx.pathParam("kind");
        String text = switch (kind) {
            case "terms" -> brand.legal().terms();
            case "privacy" -> brand.legal().privacy();
            case "refunds" -> brand.legal().refunds();
            default -> throw new NotFoundResponse("no legal text " + kind);
        };
        if (text == null || text.isBlank()) {
            throw new NotFoundResponse(brand.name() + " has no " + kind + " text");
        }
        String title = switch (kind) {
            case "terms" -> "Terms of service";
            case "privacy" -> "Privacy policy";
            default -> "Refund policy";
        };
        web.render(ctx, "legal.jte", Web.params("title", title, "paragraphs", java.util.List.of(text.split("\\R\\s*\\R"))));
    }
}
