package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import dev.veltrix.branding.Asset;
import dev.veltrix.branding.Brand;
import dev.veltrix.branding.Brands;
import dev.veltrix.branding.ContrastCheck;
import dev.veltrix.branding.FontStack;
import dev.veltrix.branding.Images;
import dev.veltrix.branding.Palette;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.VeltrixException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The console's brands: the list with the default, and each brand's editor (colours, font, corners, logo and favicon,
 * footer links, legal texts, host names, store categories) with its contrast check, a live preview of the draft,
 * publishing, and the history with rollback. A save keeps the draft as typed when it is refused.
 */
public final class BrandConsolePages {
    private final Web web;
    private final Brands brands;

    public BrandConsolePages(Web web, Brands brands) {
        this.web = web;
        this.brands = brands;
    }

    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/brands", ctx -> list(ctx, null));
        routes.get("/console/brands/new", ctx -> editor(ctx, blank(), false, List.of(), null));
        routes.post("/console/brands/save", this::save);
        routes.get("/console/brands/{id}", this::edit);
        routes.get("/console/brands/{id}/preview", this::preview);
        routes.post("/console/brands/{id}/publish", ctx -> act(ctx, () -> brands.publish(ctx.pathParam("id"), by(ctx)), "published"));
        routes.post("/console/brands/{id}/default", ctx -> act(ctx, () -> brands.setDefault(ctx.pathParam("id")), "default"));
        routes.post("/console/brands/{id}/rollback", ctx -> act(ctx, () -> brands.rollback(ctx.pathParam("id"),
                Integer.parseInt(FormRows.text(ctx, "version")), by(ctx)), "rolled-back"));
    }

    private static Brand blank() {
        Brand v = Brand.veltrix();
        return new Brand("", "", v.palette(), v.font(), v.radius(), List.of(), v.legal(), List.of(), List.of());
    }

    private static String by(Context ctx) {
        return ConsoleRoutes.admin(ctx).username();
    }

    private void list(Context ctx, String error) {
        web.render(ctx, "console/brands.jte", params("csrf", session(ctx).csrfToken(), "brands", brands.list(),
                "defaultBrand", brands.defaultBrand().orElse(null), "error", error));
    }

    private void edit(Context ctx) {
        String id = ctx.pathParam("id");
        Brands.Live working = working(id);
        editor(ctx, working.brand(), true, List.of(), null);
    }

    private void editor(Context ctx, Brand brand, boolean existing, List<FieldError> problems, String error) {
        String id = brand.id();
        web.render(ctx, "console/brand.jte", params("csrf", session(ctx).csrfToken(), "brand", brand, "existing", existing,
                "problems", problems, "error", error, "notice", notice(ctx.queryParam("notice")), "fonts", Arrays.asList(FontStack.values()),
                "contrast", ContrastCheck.check(brand.palette()), "history", existing ? brands.history(id) : List.of(),
                "live", existing ? brands.published(id).orElse(null) : null, "wholeConsole", ConsoleRoutes.admin(ctx).brand() == null));
    }

    /** The brand's draft, else its published version; the console's 404 page when there is no such brand. */
    private Brands.Live working(String id) {
        return Web.found(() -> brands.working(id).orElseThrow(() -> new dev.veltrix.core.error.NotFoundException("no brand " + id)));
    }

    private static String notice(String code) {
        return code == null ? null : switch (code) {
            case "published" -> "Published: the brand's host names show it now.";
            case "default" -> "This is the default brand now.";
            case "rolled-back" -> "Rolled back: the chosen version is live again.";
            default -> "Saved as the draft. Preview it, then publish.";
        };
    }

    private void save(Context ctx) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        Brand brand = read(ctx);
        if (!ConsoleRoutes.admin(ctx).mayEditBrand(brand.id())) {
            throw new io.javalin.http.ForbiddenResponse("you administer brand " + ConsoleRoutes.admin(ctx).brand() + " only");
        }
        boolean existing = "true".equals(ctx.formParam("existing"));
        List<FieldError> problems = new ArrayList<>(brands.check(brand));
        Asset logo = upload(ctx, "logo", problems);
        Asset favicon = upload(ctx, "favicon", problems);
        if (!problems.isEmpty()) {
            ctx.status(400);
            editor(ctx, brand, existing, problems, "The brand was not saved: " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            return;
        }
        brands.saveDraft(brand, logo, favicon, by(ctx));
        ctx.redirect("/console/brands/" + brand.id() + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    /** An uploaded image checked (an SVG made safe), null when none was chosen; a refused one becomes a problem. */
    private static Asset upload(Context ctx, String field, List<FieldError> problems) {
        UploadedFile file = ctx.uploadedFile(field);
        if (file == null || file.size() == 0) {
            return null;
        }
        try (var in = file.content()) {
            return Images.check(field, in.readNBytes(Images.BYTES_MAX + 1)).asset();
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
            return null;
        } catch (IOException e) {
            problems.add(new FieldError(field, "the upload could not be read; try again"));
            return null;
        }
    }

    private static Brand read(Context ctx) {
        Palette palette = new Palette(colour(ctx, "background"), colour(ctx, "surface"), colour(ctx, "text"), colour(ctx, "muted"),
                colour(ctx, "primary"), colour(ctx, "onPrimary"), colour(ctx, "accent"), colour(ctx, "onAccent"));
        FontStack font = Arrays.stream(FontStack.values()).filter(f -> f.label().equals(ctx.formParam("font"))).findFirst().orElse(null);
        int radius;
        try {
            radius = Integer.parseInt(FormRows.text(ctx, "radius"));
        } catch (NumberFormatException e) {
            radius = -1;
        }
        List<Brand.Link> footer = FormRows.rows(ctx, "link", f -> new Brand.Link(f[0], f[1]), "label", "url").stream()
                .filter(l -> !l.label().isBlank() || !l.url().isBlank()).toList();
        return new Brand(FormRows.text(ctx, "id"), FormRows.text(ctx, "name"), palette, font, radius, footer,
                new Brand.Legal(text(ctx, "terms"), text(ctx, "privacy"), text(ctx, "refunds")), words(ctx, "categories"),
                words(ctx, "hosts").stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    private static String colour(Context ctx, String name) {
        return FormRows.text(ctx, name).toLowerCase(Locale.ROOT);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static List<String> words(Context ctx, String name) {
        return Arrays.stream(FormRows.text(ctx, name).split("[,\\s]+")).filter(w -> !w.isBlank()).toList();
    }

    /** The draft's look on a sample of page parts, with the draft's theme laid over the live one. */
    private void preview(Context ctx) {
        String id = ctx.pathParam("id");
        Brands.Live working = working(id);
        web.render(ctx, "console/brand-preview.jte", params("csrf", session(ctx).csrfToken(), "brand", working.brand(),
                "css", ThemeRoutes.css(working.brand())));
    }

    private void act(Context ctx, Runnable action, String notice) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        String id = ctx.pathParam("id");
        try {
            action.run();
            ctx.redirect("/console/brands/" + id + "?notice=" + notice, HttpStatus.SEE_OTHER);
        } catch (VeltrixException | NumberFormatException e) {
            Brands.Live working = working(id);
            ctx.status(e instanceof dev.veltrix.core.error.ConflictException ? 409 : 422);
            editor(ctx, working.brand(), true, List.of(), "Not done: " + e.getMessage());
        }
    }
}
