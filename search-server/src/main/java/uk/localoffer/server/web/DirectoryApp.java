package uk.localoffer.server.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ServerConnector;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.api.ApiRoutes;
import uk.localoffer.server.http.ErrorMapper;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.RawRequest;
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
    /** What Jetty itself reads of a request line and headers; the app's own limits (RawRequest) are lower. */
    static final int JETTY_HEADER_BYTES = 64 * 1024;
    /**
     * GOV.UK Frontend in its webjar: served by Javalin at /webjars/; its CSS asks for fonts and images at /assets/. The
     * webjar has no entry for this folder, so src/main/resources holds one (ABOUT.txt) for Javalin's check that it exists.
     */
    private static final String FRONTEND_ASSETS = "/META-INF/resources/webjars/govuk-frontend/" + PageRoutes.FRONTEND_VERSION + "/dist/govuk/assets";
    private static final Map<String, String> CACHE_A_DAY = Map.of("Cache-Control", "public, max-age=86400");

    private final Javalin javalin;
    private final List<String> endpoints;
    private final List<String> pageRoutes;

    private DirectoryApp(Javalin javalin, List<String> endpoints, List<String> pageRoutes) {
        this.javalin = javalin;
        this.endpoints = List.copyOf(endpoints);
        this.pageRoutes = List.copyOf(pageRoutes);
    }

    /** "METHOD /path" of every API and operations route. */
    public List<String> endpoints() { return endpoints; }

    /** The path of every page (all GET): "/authorities/{gss}". */
    public List<String> pageRoutes() { return pageRoutes; }

    public static DirectoryApp start(Directory directory, String host, int port) {
        return start(directory, host, port, Due.DEFAULT_MONTHS);
    }

    /** {@code dueMonths}: how long since a record was checked makes it due for checking (GET …/due without ?months). */
    public static DirectoryApp start(Directory directory, String host, int port, int dueMonths) {
        String openApi = resource("/openapi.json");
        List<String> endpoints = new ArrayList<>(), pageRoutes = new ArrayList<>();
        PageRoutes pages = new PageRoutes(directory);
        JettyErrors jettyErrors = new JettyErrors(PageRoutes::errorHtml);
        Javalin j = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // An authority's file import may be large; every other body is held to MAX_REQUEST_BYTES below and in JsonBody.
            config.http.maxRequestSize = ApiRoutes.MAX_IMPORT_BYTES;
            config.http.prefer405over404 = true;
            // Jetty lets every address and up to 64 KiB of request line and headers through to the app, whose RawRequest checks
            // refuse them with the route's own kind of answer; what Jetty still refuses is answered by JettyErrors.
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(jettyErrors);
                server.setHandler(jettyErrors.methodGate());
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setUriCompliance(UriCompliance.UNSAFE);
                http.setRequestHeaderSize(JETTY_HEADER_BYTES);
                http.setSendServerVersion(false);
            });
            // One connector, on the address asked for (127.0.0.1 unless told otherwise), whose connections remember each request's target.
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new RequestTargets(http));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            });
            config.jetty.modifyServletContextHandler(context -> context.getServletHandler().setDecodeAmbiguousURIs(true));
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
                SecurityHeaders.apply(ctx.path(), ctx::header);
                long max = bodyLimit(ctx.path());
                String len = ctx.header("Content-Length");
                if (len != null && len.matches("\\d+") && Long.parseLong(len) > max) throw new TooLargeException(max);
                RawRequest.checkSizes(ctx.req().getRequestURI().length() + (ctx.queryString() == null ? 0 : ctx.queryString().length()), headerBytes(ctx));
                RawRequest.check(ctx.req().getRequestURI(), ctx.queryString());
            });
            // Every text answer says it is UTF-8.
            config.routes.after(ctx -> {
                String type = ctx.res().getContentType();
                if (type != null && !type.contains("charset") && (type.startsWith("text/") || type.startsWith("application/json")))
                    ctx.contentType(type + "; charset=utf-8");
            });
            Routes routes = new Routes(config.routes);
            routes.get("/health", ctx -> JsonBody.send(ctx, ApiRoutes.health(directory)));
            routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            new ApiRoutes(directory, dueMonths).register(routes);
            endpoints.addAll(routes.endpoints());
            pageRoutes.addAll(pages.register(config.routes));
            new ErrorMapper(MAX_REQUEST_BYTES, DirectoryApp::bodyLimit, PageRoutes::errorPage).install(config.routes);
        });
        j.start();
        return new DirectoryApp(j, endpoints, pageRoutes);
    }

    /** The largest body a path takes: an authority's file import, or a JSON body. */
    static long bodyLimit(String path) {
        return path.equals(ApiRoutes.IMPORTS) ? ApiRoutes.MAX_IMPORT_BYTES : MAX_REQUEST_BYTES;
    }

    private static long headerBytes(io.javalin.http.Context ctx) {
        long n = 0;
        for (var e : ctx.headerMap().entrySet()) n += e.getKey().length() + e.getValue().length() + 4;
        return n;
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
