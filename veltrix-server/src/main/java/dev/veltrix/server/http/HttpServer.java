package dev.veltrix.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.server.config.HttpSettings;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.function.Consumer;

/** Builds the Javalin server: virtual threads, strict JSON, size limits, problem errors, security headers. */
public final class HttpServer {
    private HttpServer() {
    }

    public static Javalin create(HttpSettings settings, ObjectMapper json, Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jsonMapper(new JavalinJackson(json, true));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.startup.showJavalinBanner = false;
            Problems.register(config.routes, json);
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "same-origin");
                if (!ctx.path().startsWith("/api/v1/")) {
                    ctx.header("X-Frame-Options", "DENY");
                    ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
                }
            });
            routes.accept(config.routes);
        });
    }
}
