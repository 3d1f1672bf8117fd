package dev.veltrix.branding;

import dev.veltrix.core.error.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a brand readable: every problem listed with its field. Contrast is checked apart (a draft may fail it). */
final class BrandRules {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    static final int LEGAL_MAX = 50_000;

    private BrandRules() {
    }

    static List<FieldError> check(Brand b) {
        List<FieldError> errors = new ArrayList<>();
        if (b.id() == null || !ID.matcher(b.id()).matches()) {
            errors.add(new FieldError("id", "1..40 lower-case letters, digits and -"));
        }
        if (b.name() == null || b.name().isBlank() || b.name().length() > 60) {
            errors.add(new FieldError("name", "1..60 characters"));
        }
        if (b.palette() == null) {
            errors.add(new FieldError("palette", "the brand's colours"));
        } else {
            b.palette().named().forEach((name, value) -> {
                if (Colour.parse(value) == null) {
                    errors.add(new FieldError("palette." + name, "a colour written #rrggbb, got \"" + value + "\""));
                }
            });
        }
        if (b.font() == null) {
            errors.add(new FieldError("font", "one of the safe font stacks: system, humanist, geometric, serif, rounded, monospace"));
        }
        if (b.radius() < 0 || b.radius() > 24) {
            errors.add(new FieldError("radius", "a corner radius of 0..24 pixels"));
        }
        for (int i = 0; i < b.footer().size(); i++) {
            Brand.Link link = b.footer().get(i);
            if (link.label() == null || link.label().isBlank() || link.label().length() > 40) {
                errors.add(new FieldError("footer[" + i + "].label", "1..40 characters"));
            }
            if (!https(link.url())) {
                errors.add(new FieldError("footer[" + i + "].url", "an https:// address, got \"" + link.url() + "\""));
            }
        }
        for (String[] text : new String[][] {{"legal.terms", b.legal().terms()}, {"legal.privacy", b.legal().privacy()},
                {"legal.refunds", b.legal().refunds()}}) {
            if (text[1] != null && text[1].length() > LEGAL_MAX) {
                errors.add(new FieldError(text[0], "at most " + LEGAL_MAX + " characters"));
            }
        }
        Set<String> hosts = new HashSet<>();
        for (int i = 0; i < b.hosts().size(); i++) {
            String host = b.hosts().get(i);
            if (host == null || !HOST.matcher(host).matches()) {
                errors.add(new FieldError("hosts[" + i + "]", "a host name in lower case, such as store.example.net, got \"" + host + "\""));
            } else if (!hosts.add(host)) {
                errors.add(new FieldError("hosts[" + i + "]", host + " is listed twice"));
            }
        }
        return errors;
    }

    private static boolean https(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && url.length() <= 300;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
