package dev.veltrix.server.web;

import dev.veltrix.branding.Brand;
import dev.veltrix.branding.Brands;

/**
 * The brand of the page being rendered, for the layout (name, logo, footer, legal links): set by {@link Web#render}
 * around each rendering from the request's host name, so no page template passes it along. Outside a rendering it is
 * Veltrix's own brand.
 */
public final class BrandContext {
    private static final ThreadLocal<Brands.Live> CURRENT = new ThreadLocal<>();
    private static final Brands.Live VELTRIX = new Brands.Live(Brand.veltrix(), 0, false, false);

    private BrandContext() {
    }

    public static Brands.Live current() {
        Brands.Live live = CURRENT.get();
        return live == null ? VELTRIX : live;
    }

    public static Brand brand() {
        return current().brand();
    }

    static void run(Brands.Live live, Runnable work) {
        Brands.Live before = CURRENT.get();
        CURRENT.set(live);
        try {
            work.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}
