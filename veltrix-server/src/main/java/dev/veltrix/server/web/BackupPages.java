package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import dev.veltrix.ops.backup.ScheduledBackups;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

/** The console's backups: each run with its size and whether its restore drill passed, and a backup taken on request. */
public final class BackupPages {
    private final Web web;
    private final ScheduledBackups backups;

    public BackupPages(Web web, ScheduledBackups backups) {
        this.web = web;
        this.backups = backups;
    }

    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/backups", ctx -> web.render(ctx, "console/backups.jte", params("csrf", session(ctx).csrfToken(),
                "runs", backups.recent(30), "lastVerified", backups.lastVerified().orElse(null), "notice", ctx.queryParam("notice"))));
        routes.post("/console/backups", ctx -> {
            Web.checkCsrf(ctx, session(ctx).csrfToken());
            var run = backups.run();
            ctx.redirect("/console/backups?notice=" + (run.verified() ? "verified" : "failed"), HttpStatus.SEE_OTHER);
        });
    }
}
