package dev.veltrix.server.web;

import static dev.veltrix.server.web.Web.params;

import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.server.auth.LoginThrottle;
import dev.veltrix.server.auth.PlayerLogins;
import dev.veltrix.server.auth.WebSessions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.UUID;

/** The player portal: sign in with the code from the game, see balances and history. */
public final class PortalRoutes {
    static final String SESSION_COOKIE = "veltrix_portal";
    private static final int HISTORY_PAGE = 25;

    private final Web web;
    private final PlayerLogins logins;
    private final WebSessions sessions;
    private final LoginThrottle throttle;
    private final LedgerService ledger;

    private final dev.veltrix.server.claims.ClaimService claims;
    private final dev.veltrix.server.claims.ClaimExpiry expiry;

    private final dev.veltrix.progression.battlepass.BattlePass pass;
    private final dev.veltrix.progression.battlepass.SeasonArchive archive;
    private final dev.veltrix.progression.quests.QuestLog quests;
    private final java.time.Clock clock;

    public PortalRoutes(Web web, PlayerLogins logins, WebSessions sessions, LoginThrottle throttle, LedgerService ledger,
                        dev.veltrix.server.claims.ClaimService claims, dev.veltrix.server.claims.ClaimExpiry expiry,
                        dev.veltrix.progression.battlepass.BattlePass pass, dev.veltrix.progression.battlepass.SeasonArchive archive,
                        dev.veltrix.progression.quests.QuestLog quests, java.time.Clock clock) {
        this.pass = pass;
        this.archive = archive;
        this.quests = quests;
        this.clock = clock;
        this.claims = claims;
        this.expiry = expiry;
        this.web = web;
        this.logins = logins;
        this.sessions = sessions;
        this.throttle = throttle;
        this.ledger = ledger;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/portal", HttpStatus.SEE_OTHER));
        routes.get("/portal/login", ctx -> loginPage(ctx, null, 200));
        routes.post("/portal/login", this::login);
        routes.get("/portal", this::home);
        routes.post("/portal/logout", ctx -> {
            var session = sessions.find(ctx.cookie(SESSION_COOKIE), WebSessions.Kind.PLAYER);
            if (session.isPresent()) {
                Web.checkCsrf(ctx, session.get().csrfToken());
                sessions.close(ctx.cookie(SESSION_COOKIE));
            }
            web.clearCookie(ctx, SESSION_COOKIE);
            ctx.redirect("/portal/login", HttpStatus.SEE_OTHER);
        });
    }

    private void loginPage(Context ctx, String error, int status) {
        web.render(ctx, "portal/login.jte", params("loginCsrf", web.issueLoginCsrf(ctx), "error", error));
        ctx.status(status);
    }

    private void login(Context ctx) {
        Web.checkLoginCsrf(ctx);
        if (!Web.admitSignIn(ctx, throttle, "portal")) {
            loginPage(ctx, "Too many attempts. Wait a minute and try again.", 429);
            return;
        }
        var player = logins.redeem(ctx.formParam("code"));
        if (player.isEmpty()) {
            loginPage(ctx, "That code is unknown, used or expired. Get a new one in game.", 401);
            return;
        }
        web.startSession(ctx, SESSION_COOKIE, sessions.open(WebSessions.Kind.PLAYER, player.get().toString()), sessions.lifetime());
        ctx.redirect("/portal", HttpStatus.SEE_OTHER);
    }

    private void home(Context ctx) {
        var session = sessions.find(ctx.cookie(SESSION_COOKIE), WebSessions.Kind.PLAYER);
        if (session.isEmpty()) {
            ctx.redirect("/portal/login", HttpStatus.SEE_OTHER);
            return;
        }
        UUID player = UUID.fromString(session.get().subject());
        AccountId account = AccountId.player(player);
        try {
            var history = ledger.history(account, ctx.queryParam("cursor"), HISTORY_PAGE);
            var owned = claims.playerClaims(player);
            var season = pass.running(clock.instant());
            web.render(ctx, "portal/home.jte", params("csrf", session.get().csrfToken(), "account", account.value(),
                    "balances", ledger.balances(account), "history", history.items(), "nextCursor", history.nextCursor(),
                    "decimals", Amounts.decimals(ledger.currencies()), "claims", owned, "blocks", claims.blocks(player),
                    "expiresAt", owned.isEmpty() ? null : expiry.expiresAt(player),
                    "season", season.orElse(null), "progress", season.map(s -> pass.progress(s.id(), player)).orElse(null),
                    "xp", season.map(s -> pass.history(s.id(), player, 10)).orElse(java.util.List.of()), "pastSeasons", archive.of(player),
                    "quests", quests.log(player, 20)));
        } catch (VeltrixException e) {
            ctx.redirect("/portal", HttpStatus.SEE_OTHER); // a tampered cursor: start from the newest page
        }
    }
}
