package dev.veltrix.branding;

import java.util.List;

/**
 * A brand: its name, colours, font stack, corner radius, footer links, legal texts, the store categories its
 * storefront shows (empty: all) and the host names that show it. Logo and favicon are kept beside it as assets.
 */
public record Brand(String id, String name, Palette palette, FontStack font, int radius, List<Link> footer, Legal legal,
                    List<String> storeCategories, List<String> hosts) {

    public Brand {
        footer = footer == null ? List.of() : List.copyOf(footer);
        storeCategories = storeCategories == null ? List.of() : List.copyOf(storeCategories);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        legal = legal == null ? new Legal("", "", "") : legal;
    }

    /** A footer link; https only. */
    public record Link(String label, String url) {
    }

    /** The brand's terms of service, privacy policy and refund policy, as plain text. */
    public record Legal(String terms, String privacy, String refunds) {
    }

    /** What every page shows before an operator makes a brand of their own. */
    public static Brand veltrix() {
        return new Brand("veltrix", "Veltrix", Palette.VELTRIX, FontStack.SYSTEM, 8, List.of(), new Legal("", "", ""), List.of(), List.of());
    }

    public boolean showsCategory(String category) {
        return storeCategories.isEmpty() || storeCategories.contains(category);
    }
}
