package dev.veltrix.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.ForbiddenException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.LimitedException;
import dev.veltrix.core.error.OverloadedException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.error.UnauthorizedException;
import dev.veltrix.core.error.VeltrixException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a problem document. Known failures keep their message, because it tells
 * the caller what to fix; unknown ones are logged with the request and answered with a plain 500
 * that reveals nothing internal.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void register(RoutesConfig routes, ObjectMapper json) {
        routes.exception(VeltrixException.class, (e, ctx) -> write(ctx, json, of(e, ctx)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, json, new Problem(
                Problem.typeUri(slug(e.getStatus())), title(e.getStatus()), e.getStatus(), detail(e), ctx.path(), null)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, json, new Problem(Problem.typeUri("internal-error"), "Internal error", 500,
                    "Veltrix failed to handle this request; the failure is in its log. Retrying with the same "
                            + "Idempotency-Key is safe.", ctx.path(), null));
        });
        routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                write(ctx, json, new Problem(Problem.typeUri("not-found"), "Not found", 404,
                        "no API endpoint " + ctx.method() + " " + ctx.path() + "; see /api/docs", ctx.path(), null));
            }
        });
    }

    public static Problem of(VeltrixException e, Context ctx) {
        int status = switch (e) {
            case InvalidInputException ignored -> 400;
            case UnauthorizedException ignored -> 401;
            case ForbiddenException ignored -> 403;
            case NotFoundException ignored -> 404;
            case ConflictException ignored -> 409;
            case RejectedException ignored -> 422;
            case LimitedException limited -> {
                ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
                yield 429;
            }
            case OverloadedException overloaded -> {
                ctx.header("Retry-After", Integer.toString(overloaded.retryAfterSeconds()));
                yield 503;
            }
        };
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"veltrix\"");
        }
        List<FieldError> errors = e instanceof InvalidInputException invalid ? invalid.errors() : null;
        return new Problem(Problem.typeUri(e.problemType()), title(e.problemType()), status, e.getMessage(), ctx.path(), errors);
    }

    public static void write(Context ctx, ObjectMapper json, Problem problem) {
        try {
            ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(json.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem document failed to serialise", e);
        }
    }

    private static String detail(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "the request body is larger than this server accepts (http.max-body-bytes); send less";
            case 405 -> "this endpoint does not take that method; see /api/docs";
            default -> e.getMessage();
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 413 -> "Payload too large";
            case 405 -> "Method not allowed";
            default -> title(slug(status));
        };
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
