package dev.veltrix.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Balance;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.PostResult;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The economy ledger over HTTP: currencies, transfers, balances, history, rankings, supply. */
public final class LedgerApi {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int DEFAULT_PAGE = 50;

    private final LedgerService ledger;
    private final ObjectMapper json;

    public LedgerApi(LedgerService ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.post("/currencies", Scope.ECONOMY_WRITE, ctx -> ctx.status(201).json(
                ledger.createCurrency(RequestBodies.read(ctx, json, CurrencyBody.class).toCurrency())));
        api.get("/currencies", Scope.ECONOMY_READ, ctx -> ctx.json(Map.of("items", ledger.currencies())));
        api.post("/transfers", Scope.ECONOMY_WRITE, this::transfer);
        api.post("/transfers/batch", Scope.ECONOMY_WRITE, this::batch);
        api.get("/accounts/{account}/balances", Scope.ECONOMY_READ, ctx -> {
            AccountId account = account(ctx);
            List<Map<String, Object>> balances = ledger.balances(account).stream()
                    .map(b -> Map.<String, Object>of("currency", b.currency(), "amount", b.amount())).toList();
            ctx.json(Map.of("account", account.value(), "balances", balances));
        });
        api.get("/accounts/{account}/transfers", Scope.ECONOMY_READ, ctx -> {
            var page = ledger.history(account(ctx), ctx.queryParam("cursor"), limit(ctx));
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("items", page.items().stream().map(TransferView::of).toList());
            body.put("nextCursor", page.nextCursor());
            ctx.json(body);
        });
        api.get("/currencies/{code}/top", Scope.ECONOMY_READ, ctx -> {
            List<Balance> top = ledger.top(ctx.pathParam("code"), limit(ctx));
            ctx.json(Map.of("currency", ctx.pathParam("code"), "players", top.stream()
                    .map(b -> Map.<String, Object>of("account", b.account().value(), "amount", b.amount())).toList()));
        });
        api.get("/currencies/{code}/supply", Scope.ECONOMY_READ, ctx -> ctx.json(ledger.supply(ctx.pathParam("code"))));
    }

    private void transfer(Context ctx) {
        TransferBody body = RequestBodies.read(ctx, json, TransferBody.class);
        List<FieldError> errors = new ArrayList<>();
        TransferRequest request = body.toRequest("", errors);
        rejectIfAny(errors);
        PostResult result = ledger.transfer(ctx.header(IDEMPOTENCY_KEY), request);
        respond(ctx, result, TransferView.of(result.transfers().getFirst()));
    }

    private void batch(Context ctx) {
        BatchBody body = RequestBodies.read(ctx, json, BatchBody.class);
        if (body.transfers() == null || body.transfers().isEmpty() || body.transfers().size() > LedgerService.LEGS_MAX) {
            throw InvalidInputException.of("transfers", "send 1.." + LedgerService.LEGS_MAX + " transfers");
        }
        List<FieldError> errors = new ArrayList<>();
        List<TransferRequest> legs = new ArrayList<>();
        for (int i = 0; i < body.transfers().size(); i++) {
            TransferBody leg = body.transfers().get(i);
            if (leg == null) {
                errors.add(new FieldError("transfers[" + i + "]", "must be a transfer object, not null"));
                continue;
            }
            legs.add(leg.toRequest("transfers[" + i + "].", errors));
        }
        rejectIfAny(errors);
        PostResult result = ledger.batch(ctx.header(IDEMPOTENCY_KEY), legs);
        respond(ctx, result, Map.of("postingId", result.postingId(),
                "transfers", result.transfers().stream().map(TransferView::of).toList()));
    }

    private static void respond(Context ctx, PostResult result, Object body) {
        if (result.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(result.replayed() ? 200 : 201).json(body);
    }

    private static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the transfer is invalid; nothing was posted", errors);
        }
    }

    private static AccountId account(Context ctx) {
        String text = ctx.pathParam("account");
        String problem = AccountId.problemWith(text);
        if (problem != null) {
            throw InvalidInputException.of("account", problem);
        }
        return new AccountId(text);
    }

    private static int limit(Context ctx) {
        return Params.limit(ctx, DEFAULT_PAGE, LedgerService.PAGE_LIMIT_MAX);
    }
}
