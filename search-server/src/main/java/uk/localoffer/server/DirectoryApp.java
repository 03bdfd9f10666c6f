package uk.localoffer.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.api.ApiRoutes;
import uk.localoffer.server.api.Json;
import uk.localoffer.server.api.Problem;
import uk.localoffer.server.api.Routes;
import uk.localoffer.server.pages.PageRoutes;
import uk.localoffer.store.RecordJson;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The web application: JSON API and public pages over the directory. Nothing a user sends
 * is logged: there is no request logger, and errors are answered without echoing bodies.
 */
public final class DirectoryApp {
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    private final Javalin javalin;
    private final List<String> endpoints = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private DirectoryApp(Javalin javalin) { this.javalin = javalin; }

    /** "METHOD /path" of every API and operations route. */
    public List<String> endpoints() { return List.copyOf(endpoints); }

    public static DirectoryApp start(Directory directory, String host, int port) {
        ApiRoutes api = new ApiRoutes(directory);
        String openApi = resource("/openapi.json");
        List<String> endpoints = new ArrayList<>();
        Javalin j = Javalin.create(config -> {
            Routes routes = new Routes(config.routes);
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.prefer405over404 = true;
            config.routes.before(ctx -> {
                if (ctx.path().startsWith(ApiRoutes.BASE) || ctx.path().equals("/openapi.json")) {
                    ctx.header("Access-Control-Allow-Origin", "*");
                    ctx.header("Access-Control-Allow-Methods", "GET");
                }
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                String len = ctx.header("Content-Length");
                if (len != null && len.matches("\\d+") && Long.parseLong(len) > MAX_REQUEST_BYTES)
                    throw new Problem(413, "Request too large", "body", "the request body is over " + MAX_REQUEST_BYTES / 1024 + " KiB");
            });
            routes.get("/health", ctx -> Json.send(ctx, Map.of("status", "ok", "services", directory.services().size(),
                    "authorities", directory.authorities().size())));
            routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            api.register(routes);
            endpoints.addAll(routes.endpoints());
            new PageRoutes(directory).register(config);
            config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // Never echo what the user sent; say only that it was our fault.
                // The route pattern only: a path can hold a postcode.
                String route = ctx.endpoint() == null ? "?" : ctx.endpoint().path;
                System.err.println("internal error on " + ctx.method() + " " + route + ": " + e.getClass().getName());
                problem(ctx, new Problem(500, "Internal error", null, "something went wrong on our side; the request was not stored"));
            });
            config.routes.error(404, "*", ctx -> {
                // A handler that already answered 404 (a problem or a page) keeps its answer.
                if (ctx.attribute(ANSWERED) != null) return;
                if (ctx.path().startsWith("/api/")) problem(ctx, Problem.notFound("there is nothing at " + ctx.path()));
                else PageRoutes.notFoundPage(ctx);
            });
            config.routes.error(405, "*", ctx -> problem(ctx, new Problem(405, "Method not allowed", null, ctx.method() + " is not allowed on " + ctx.path())));
            config.routes.error(413, "*", ctx -> problem(ctx, new Problem(413, "Request too large", "body", "the request body is over " + MAX_REQUEST_BYTES / 1024 + " KiB")));
        });
        DirectoryApp app = new DirectoryApp(j);
        app.endpoints.addAll(endpoints);
        j.start(host, port);
        return app;
    }

    /** Set on a request whose error answer (a problem or a page) is already written. */
    public static final String ANSWERED = "localoffer.answered";

    static void problem(Context ctx, Problem p) {
        ctx.attribute(ANSWERED, true);
        try {
            ctx.status(HttpStatus.forStatus(p.status));
            ctx.contentType("application/problem+json").result(RecordJson.MAPPER.writeValueAsString(p.body(ctx.path())));
        } catch (Exception e) {
            ctx.status(500).result("{}");
        }
    }

    private static String resource(String name) {
        try (InputStream in = DirectoryApp.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the program");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() { return javalin.port(); }

    public void stop() {
        javalin.stop();
        stopped.countDown();
    }

    int awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
