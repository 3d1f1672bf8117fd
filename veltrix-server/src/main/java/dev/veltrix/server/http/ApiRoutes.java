package dev.veltrix.server.http;

import dev.veltrix.server.auth.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers API endpoints that game servers call with their key. Each endpoint names the scope it
 * needs; the key is checked before the handler runs. The registry also lists every endpoint, which
 * a test compares with the OpenAPI document so the two cannot drift apart.
 */
public final class ApiRoutes {
    public static final String PREFIX = "/api/v1";

    /** One endpoint as registered. */
    public record Endpoint(HandlerType method, String path, Scope scope) {
    }

    private final RoutesConfig routes;
    private final KeyAuthorizer authorizer;
    private final List<Endpoint> endpoints = new ArrayList<>();

    public ApiRoutes(RoutesConfig routes, KeyAuthorizer authorizer) {
        this.routes = routes;
        this.authorizer = authorizer;
    }

    public void get(String path, Scope scope, Handler handler) {
        add(HandlerType.GET, path, scope, handler);
    }

    public void post(String path, Scope scope, Handler handler) {
        add(HandlerType.POST, path, scope, handler);
    }

    public void put(String path, Scope scope, Handler handler) {
        add(HandlerType.PUT, path, scope, handler);
    }

    public void patch(String path, Scope scope, Handler handler) {
        add(HandlerType.PATCH, path, scope, handler);
    }

    public void delete(String path, Scope scope, Handler handler) {
        add(HandlerType.DELETE, path, scope, handler);
    }

    private void add(HandlerType method, String path, Scope scope, Handler handler) {
        endpoints.add(new Endpoint(method, PREFIX + path, scope));
        Handler guarded = ctx -> {
            authorizer.authorize(ctx.header("Authorization"), scope);
            handler.handle(ctx);
        };
        routes.addHttpHandler(method, PREFIX + path, guarded);
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
