package uk.localoffer.server.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.api.ApiRoutes;
import uk.localoffer.server.http.ErrorMapper;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Routes;
import uk.localoffer.server.http.TooLargeException;
import uk.localoffer.server.pages.PageRoutes;
import uk.localoffer.upkeep.Due;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web application: JSON API and public pages over the directory. Nothing a user sends
 * is logged: there is no request logger, and errors are answered without echoing bodies.
 */
public final class DirectoryApp {
    static final long MAX_REQUEST_BYTES = JsonBody.MAX_BYTES;
    /**
     * GOV.UK Frontend in its webjar: served by Javalin at /webjars/; its CSS asks for fonts and images at /assets/. The
     * webjar has no entry for this folder, so src/main/resources holds one (ABOUT.txt) for Javalin's check that it exists.
     */
    private static final String FRONTEND_ASSETS = "/META-INF/resources/webjars/govuk-frontend/" + PageRoutes.FRONTEND_VERSION + "/dist/govuk/assets";
    private static final Map<String, String> CACHE_A_DAY = Map.of("Cache-Control", "public, max-age=86400");

    private final Javalin javalin;
    private final List<String> endpoints;

    private DirectoryApp(Javalin javalin, List<String> endpoints) {
        this.javalin = javalin;
        this.endpoints = List.copyOf(endpoints);
    }

    /** "METHOD /path" of every API and operations route. */
    public List<String> endpoints() { return endpoints; }

    public static DirectoryApp start(Directory directory, String host, int port) {
        return start(directory, host, port, Due.DEFAULT_MONTHS);
    }

    /** {@code dueMonths}: how long since a record was checked makes it due for checking (GET …/due without ?months). */
    public static DirectoryApp start(Directory directory, String host, int port, int dueMonths) {
        String openApi = resource("/openapi.json");
        List<String> endpoints = new ArrayList<>();
        PageRoutes pages = new PageRoutes(directory);
        Javalin j = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // An authority's file import may be large; every other body is held to MAX_REQUEST_BYTES below and in JsonBody.
            config.http.maxRequestSize = ApiRoutes.MAX_IMPORT_BYTES;
            config.http.prefer405over404 = true;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = FRONTEND_ASSETS;
                files.location = Location.CLASSPATH;
                files.headers = CACHE_A_DAY;
                files.mimeTypes.add("image/x-icon", "ico");
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/pages";
                files.location = Location.CLASSPATH;
                files.headers = CACHE_A_DAY;
            });
            config.routes.before(ctx -> {
                if (ctx.path().startsWith(ApiRoutes.BASE) || ctx.path().equals("/openapi.json")) {
                    ctx.header("Access-Control-Allow-Origin", "*");
                    ctx.header("Access-Control-Allow-Methods", "GET");
                }
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                long max = ctx.path().equals(ApiRoutes.IMPORTS) ? ApiRoutes.MAX_IMPORT_BYTES : MAX_REQUEST_BYTES;
                String len = ctx.header("Content-Length");
                if (len != null && len.matches("\\d+") && Long.parseLong(len) > max) throw new TooLargeException(max);
            });
            Routes routes = new Routes(config.routes);
            routes.get("/health", ctx -> JsonBody.send(ctx, ApiRoutes.health(directory)));
            routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            new ApiRoutes(directory, dueMonths).register(routes);
            endpoints.addAll(routes.endpoints());
            pages.register(config.routes);
            new ErrorMapper(MAX_REQUEST_BYTES, PageRoutes::notFound).install(config.routes);
        });
        j.start(host, port);
        return new DirectoryApp(j, endpoints);
    }

    private static String resource(String name) {
        try (InputStream in = DirectoryApp.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the program");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() { return javalin.port(); }

    public void stop() { javalin.stop(); }
}
