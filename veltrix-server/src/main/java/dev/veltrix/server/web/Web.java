package dev.veltrix.server.web;

import dev.veltrix.server.auth.LoginThrottle;
import dev.veltrix.server.auth.Secrets;
import dev.veltrix.server.auth.WebSessions;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Rendering, cookies and CSRF checks shared by the console and the portal. */
public final class Web {
    static final String CSRF_FIELD = "_csrf";
    static final String LOGIN_CSRF_COOKIE = "veltrix_login_csrf";

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final boolean secureCookies;
    private final java.util.function.Function<String, dev.veltrix.branding.Brands.Live> brandFor;

    /** @param brandFor the brand a host name shows (the layout takes its name, logo, footer and theme from it) */
    public Web(boolean secureCookies, java.util.function.Function<String, dev.veltrix.branding.Brands.Live> brandFor) {
        this.secureCookies = secureCookies;
        this.brandFor = brandFor;
    }

    /** Template parameters; unlike Map.of, values may be null (an absent error message). */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** What {@code lookup} finds, or the console's 404 page when it names nothing. */
    static <T> T found(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (dev.veltrix.core.error.NotFoundException e) {
            throw new io.javalin.http.NotFoundResponse(e.getMessage());
        }
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        BrandContext.run(brandFor.apply(ctx.host()), () -> templates.render(template, params, out));
        ctx.html(out.toString());
    }

    /** An HttpOnly, SameSite=Strict cookie: unreadable by scripts and never sent by other sites' forms. */
    void setCookie(Context ctx, String name, String value, Duration maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
    }

    void clearCookie(Context ctx, String name) {
        setCookie(ctx, name, "", Duration.ZERO);
    }

    /** A fresh token for a sign-in form, also set as a cookie, so a foreign page cannot post the form. */
    String issueLoginCsrf(Context ctx) {
        String token = Secrets.token(24);
        setCookie(ctx, LOGIN_CSRF_COOKIE, token, Duration.ofHours(1));
        return token;
    }

    /** The token of this browser's forms: the one its cookie holds, or a fresh one (so pages open in two tabs agree). */
    String formToken(Context ctx) {
        String held = ctx.cookie(LOGIN_CSRF_COOKIE);
        return held != null && held.length() >= 32 && held.length() <= 64 && held.chars().allMatch(c -> c < 128) ? held : issueLoginCsrf(ctx);
    }

    static void checkLoginCsrf(Context ctx) {
        check(ctx.cookie(LOGIN_CSRF_COOKIE), ctx.formParam(CSRF_FIELD));
    }

    static void checkCsrf(Context ctx, String expected) {
        check(expected, ctx.formParam(CSRF_FIELD));
    }

    private static void check(String expected, String given) {
        if (expected == null || given == null
                || !Secrets.constantTimeEquals(expected, given)) {
            throw new ForbiddenResponse("the form's security token is missing or stale; reload the page and try again");
        }
    }

    /**
     * Counts a sign-in attempt of this client in {@code area}; false, with Retry-After set, when the
     * client has tried too often and must wait.
     */
    static boolean admitSignIn(Context ctx, LoginThrottle throttle, String area) {
        if (throttle.tryAttempt(area + ":" + ctx.ip())) {
            return true;
        }
        ctx.header("Retry-After", Long.toString(throttle.retryAfterSeconds()));
        return false;
    }

    /** Hands the browser its new session: the sign-in form's token is spent, the session cookie set. */
    void startSession(Context ctx, String cookie, WebSessions.Opened opened, Duration lifetime) {
        clearCookie(ctx, LOGIN_CSRF_COOKIE);
        setCookie(ctx, cookie, opened.token(), lifetime);
    }
}
