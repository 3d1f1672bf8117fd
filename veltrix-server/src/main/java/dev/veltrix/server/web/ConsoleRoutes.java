package dev.veltrix.server.web;

import static dev.veltrix.server.web.Web.params;

import dev.veltrix.server.auth.Admin;
import dev.veltrix.server.auth.AdminStore;
import dev.veltrix.server.auth.LoginThrottle;
import dev.veltrix.server.auth.WebSessions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The admin console's shell: sign-in, password change, and the guard that every other console
 * page sits behind. The pages themselves are in {@link ConsolePages}.
 */
public final class ConsoleRoutes {
    static final String SESSION_COOKIE = "veltrix_console";
    static final String SESSION = "veltrix.consoleSession";
    static final String ADMIN = "veltrix.admin";

    private final Web web;
    private final AdminStore admins;
    private final WebSessions sessions;
    private final LoginThrottle throttle;

    public ConsoleRoutes(Web web, AdminStore admins, WebSessions sessions, LoginThrottle throttle) {
        this.web = web;
        this.admins = admins;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public void register(RoutesConfig routes, ConsolePages pages) {
        routes.before("/console", this::guard);
        routes.before("/console/*", this::guard);
        routes.get("/console/login", ctx -> loginPage(ctx, null, 200));
        routes.post("/console/login", this::login);
        routes.post("/console/logout", ctx -> {
            sessions.close(ctx.cookie(SESSION_COOKIE));
            web.clearCookie(ctx, SESSION_COOKIE);
            ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
        });
        routes.get("/console/password", ctx -> web.render(ctx, "console/password.jte",
                params("csrf", session(ctx).csrfToken(), "error", null, "required", admin(ctx).mustChangePassword())));
        routes.post("/console/password", this::changePassword);
        pages.register(routes);
    }

    private void guard(Context ctx) {
        if (ctx.path().equals("/console/login")) {
            return;
        }
        var session = sessions.find(ctx.cookie(SESSION_COOKIE), WebSessions.Kind.ADMIN);
        var admin = session.flatMap(s -> admins.byId(s.subject()));
        if (admin.isEmpty()) {
            ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST")) {
            Web.checkCsrf(ctx, session.get().csrfToken());
        }
        ctx.attribute(SESSION, session.get());
        ctx.attribute(ADMIN, admin.get());
        boolean passwordPage = ctx.path().equals("/console/password") || ctx.path().equals("/console/logout");
        if (admin.get().mustChangePassword() && !passwordPage) {
            ctx.redirect("/console/password", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        String brand = admin.get().brand();
        if (brand != null && !passwordPage) {
            // An admin of one brand reaches that brand's pages and nothing else of the console.
            String own = "/console/brands/" + brand;
            boolean ownPages = ctx.path().equals(own) || ctx.path().startsWith(own + "/") && !ctx.path().equals(own + "/default")
                    || ctx.path().equals("/console/brands/save");
            if (ctx.path().equals("/console") || ctx.path().equals("/console/brands")) {
                ctx.redirect(own, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
            } else if (!ownPages) {
                throw new io.javalin.http.ForbiddenResponse("you administer brand " + brand + " only");
            }
        }
    }

    private void loginPage(Context ctx, String error, int status) {
        web.render(ctx, "console/login.jte", params("loginCsrf", web.issueLoginCsrf(ctx), "error", error));
        ctx.status(status);
    }

    private void login(Context ctx) {
        Web.checkLoginCsrf(ctx);
        if (!Web.admitSignIn(ctx, throttle, "console")) {
            loginPage(ctx, "Too many sign-in attempts. Wait a minute and try again.", 429);
            return;
        }
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        if (username == null || password == null || username.length() > 64 || password.length() > 200) {
            loginPage(ctx, "Enter your username and password.", 400);
            return;
        }
        var admin = admins.verify(username, password);
        if (admin.isEmpty()) {
            loginPage(ctx, "Wrong username or password.", 401);
            return;
        }
        web.startSession(ctx, SESSION_COOKIE, sessions.open(WebSessions.Kind.ADMIN, admin.get().id()), sessions.lifetime());
        ctx.redirect(admin.get().mustChangePassword() ? "/console/password" : "/console", HttpStatus.SEE_OTHER);
    }

    private void changePassword(Context ctx) {
        Admin admin = admin(ctx);
        String password = ctx.formParam("password");
        try {
            admins.changePassword(admin.id(), password);
        } catch (dev.veltrix.core.error.InvalidInputException e) {
            web.render(ctx, "console/password.jte", params("csrf", session(ctx).csrfToken(),
                    "error", "The password " + e.errors().getFirst().message() + ".", "required", admin.mustChangePassword()));
            ctx.status(400);
            return;
        }
        // Other sessions of this admin may have been opened with the old password: end them all.
        sessions.closeAll(WebSessions.Kind.ADMIN, admin.id());
        var opened = sessions.open(WebSessions.Kind.ADMIN, admin.id());
        web.setCookie(ctx, SESSION_COOKIE, opened.token(), sessions.lifetime());
        ctx.redirect("/console", HttpStatus.SEE_OTHER);
    }

    static WebSessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    static Admin admin(Context ctx) {
        return ctx.attribute(ADMIN);
    }
}
