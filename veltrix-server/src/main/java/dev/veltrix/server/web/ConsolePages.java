package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.admin;
import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Balance;
import dev.veltrix.economy.ledger.Currency;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.Page;
import dev.veltrix.economy.ledger.Transfer;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.auth.Secrets;
import dev.veltrix.server.auth.ServerKeyStore;
import dev.veltrix.server.stream.StreamHub;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.List;

/** The console's pages: overview, currencies, accounts, transfers, server keys. */
public final class ConsolePages {
    private static final int HISTORY_PAGE = 25;

    private final Web web;
    private final LedgerService ledger;
    private final ServerKeyStore keys;
    private final StreamHub stream;

    public ConsolePages(Web web, LedgerService ledger, ServerKeyStore keys, StreamHub stream) {
        this.web = web;
        this.ledger = ledger;
        this.keys = keys;
        this.stream = stream;
    }

    void register(RoutesConfig routes) {
        routes.get("/console", this::dashboard);
        routes.get("/console/currencies", ctx -> currencies(ctx, null, null, 200));
        routes.post("/console/currencies", this::createCurrency);
        routes.get("/console/accounts", this::accounts);
        routes.get("/console/transfers", ctx -> transfers(ctx, null, null, 200));
        routes.post("/console/transfers", this::postTransfer);
        routes.get("/console/keys", ctx -> keysPage(ctx, null, null, 200));
        routes.post("/console/keys", this::createKey);
        routes.post("/console/keys/{id}/revoke", ctx -> {
            keys.revoke(ctx.pathParam("id"));
            ctx.redirect("/console/keys", HttpStatus.SEE_OTHER);
        });
    }

    private void dashboard(Context ctx) {
        var currencies = ledger.currencies();
        var supplies = currencies.stream().map(c -> ledger.supply(c.code())).toList();
        web.render(ctx, "console/dashboard.jte", params("csrf", session(ctx).csrfToken(), "username", admin(ctx).username(),
                "supplies", supplies, "serverKeys", (int) keys.list().stream().filter(k -> k.revokedAt() == null).count(),
                "connectedServers", stream.connected(), "ledgerQueue", ledger.queued(),
                "decimals", Amounts.decimals(currencies)));
    }

    private void currencies(Context ctx, String error, String notice, int status) {
        web.render(ctx, "console/currencies.jte", params("csrf", session(ctx).csrfToken(),
                "currencies", ledger.currencies(), "error", error, "notice", notice));
        ctx.status(status);
    }

    private void createCurrency(Context ctx) {
        try {
            int decimals = Integer.parseInt(String.valueOf(ctx.formParam("decimals")).trim());
            Currency created = ledger.createCurrency(new Currency(ctx.formParam("code"), ctx.formParam("name"), decimals));
            currencies(ctx, null, "Created " + created.code() + ".", 201);
        } catch (NumberFormatException e) {
            currencies(ctx, "Decimals must be a whole number from 0 to " + Currency.DECIMALS_MAX + ".", null, 400);
        } catch (IllegalArgumentException e) {
            currencies(ctx, "Currency " + e.getMessage() + ".", null, 400);
        } catch (VeltrixException e) {
            currencies(ctx, e.getMessage(), null, 409);
        }
    }

    private void accounts(Context ctx) {
        String account = ctx.queryParam("account");
        account = account == null || account.isBlank() ? null : account.trim();
        String error = null;
        List<Balance> balances = List.of();
        Page<Transfer> history = new Page<>(List.of(), null);
        if (account != null) {
            String problem = AccountId.problemWith(account);
            if (problem != null) {
                error = "That is not an account: " + problem + ".";
            } else {
                try {
                    AccountId id = new AccountId(account);
                    history = ledger.history(id, ctx.queryParam("cursor"), HISTORY_PAGE);
                    balances = ledger.balances(id);
                } catch (VeltrixException e) {
                    error = e.getMessage();
                }
            }
        }
        web.render(ctx, "console/accounts.jte", params("csrf", session(ctx).csrfToken(), "account", account,
                "error", error, "balances", balances, "history", history.items(), "nextCursor", history.nextCursor(),
                "decimals", Amounts.decimals(ledger.currencies())));
        ctx.status(error == null ? 200 : 400);
    }

    private void transfers(Context ctx, String error, String notice, int status) {
        web.render(ctx, "console/transfers.jte", params("csrf", session(ctx).csrfToken(), "currencies", ledger.currencies(),
                // A fresh key per rendered form: a double-clicked submit posts once.
                "formKey", "console:" + Secrets.token(16), "error", error, "notice", notice));
        ctx.status(status);
    }

    private void postTransfer(Context ctx) {
        String from = String.valueOf(ctx.formParam("from")).trim();
        String to = String.valueOf(ctx.formParam("to")).trim();
        String problem = AccountId.problemWith(from);
        problem = problem != null ? problem : AccountId.problemWith(to);
        if (problem != null) {
            transfers(ctx, "Not posted: " + problem + ".", null, 400);
            return;
        }
        try {
            long amount = Long.parseLong(String.valueOf(ctx.formParam("amount")).trim());
            String reference = ctx.formParam("reference");
            var request = new TransferRequest(new AccountId(from), new AccountId(to), ctx.formParam("currency"), amount,
                    reference == null || reference.isBlank() ? "console:" + admin(ctx).username() : reference.trim(), null);
            var result = ledger.transfer(ctx.formParam("key"), request);
            transfers(ctx, null, "Posted " + amount + " " + request.currency() + " to " + to
                    + (result.replayed() ? " (already posted by an earlier submit)" : "") + ".", 201);
        } catch (NumberFormatException e) {
            transfers(ctx, "Not posted: the amount must be a whole number of minor units.", null, 400);
        } catch (VeltrixException e) {
            transfers(ctx, "Not posted: " + e.getMessage(), null, 400);
        }
    }

    private void keysPage(Context ctx, String token, String error, int status) {
        web.render(ctx, "console/keys.jte", params("csrf", session(ctx).csrfToken(), "keys", keys.list(),
                "createdToken", token, "error", error));
        ctx.status(status);
    }

    private void createKey(Context ctx) {
        try {
            var created = keys.create(ctx.formParam("name"), EnumSet.allOf(Scope.class));
            keysPage(ctx, created.token(), null, 201);
        } catch (VeltrixException e) {
            keysPage(ctx, null, e.getMessage(), 400);
        }
    }
}
