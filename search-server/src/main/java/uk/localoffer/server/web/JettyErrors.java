package uk.localoffer.server.web;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import uk.localoffer.server.http.ErrorMapper;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.http.Problem;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The errors Jetty answers before Javalin sees the request (a bad URI, a body or URI or headers
 * too large, an HTTP version it does not speak, a malformed method) answered as this app's
 * errors: a problem (application/problem+json, UTF-8) on the API, the pages' error page in the
 * chosen language elsewhere, with the security headers. None is a 5xx: a request line Jetty
 * cannot serve (505, 501) is the client's malformed request, a 400.
 */
final class JettyErrors extends ErrorHandler {
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    /** The pages' error page: (language, status) to HTML. */
    private final BiFunction<String, Integer, String> errorPage;

    JettyErrors(BiFunction<String, Integer, String> errorPage) { this.errorPage = errorPage; }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = null;
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException h) {
            status = h.getCode();
            reason = h.getReason();
        }
        if (reason == null && request.getAttribute(ERROR_MESSAGE) instanceof String m) reason = m;
        write(request, response, callback, status, reason);
        return true;
    }

    /** Stands in front of the app: a method that is not an upper-case token is refused here (Javalin would fail on it). */
    Handler.Wrapper methodGate() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (METHOD.matcher(request.getMethod()).matches()) return super.handle(request, response, callback);
                write(request, response, callback, 400, "the method must be an upper-case token such as GET or POST");
                return true;
            }
        };
    }

    private void write(Request request, Response response, Callback callback, int status, String reason) {
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 || status == HttpStatus.NOT_IMPLEMENTED_501 || status < 400) status = 400;
        String path = path(request);
        response.setStatus(status);
        response.getHeaders().remove("Cache-Control");
        SecurityHeaders.apply(path, response.getHeaders()::put);
        response.getHeaders().put("Cache-Control", "no-store");
        String title = HttpStatus.getMessage(status);
        String detail = reason == null || reason.isBlank() ? title : reason;
        boolean badTarget = status == 400 && path != null && !path.equals(request.getHttpURI().getPath());
        if (badTarget) detail = "the address could not be read: it is not valid percent-encoded UTF-8, or holds a control character or an ambiguous segment";
        String body;
        if (api(request, path)) {
            Problem p = new Problem(status, title, badTarget ? "path" : field(status, detail), detail.toLowerCase(Locale.ROOT).startsWith("the ") ? detail : "the request was refused: " + detail,
                    path == null ? "/" : path);
            try {
                body = JsonBody.MAPPER.writeValueAsString(p);
            } catch (Exception e) {
                body = "{\"status\":" + status + ",\"title\":\"" + title + "\"}";
            }
            response.getHeaders().put("Content-Type", ErrorMapper.PROBLEM_TYPE);
        } else {
            body = errorPage.apply(lang(request), status);
            response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
        }
        Content.Sink.write(response, true, body, callback);
    }

    /** The header or part of the request at fault, from the status and Jetty's reason. */
    static String field(int status, String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        for (String h : new String[]{"Host", "Content-Length", "Transfer-Encoding", "Expect", "Connection", "Content-Type", "Upgrade"})
            if (r.contains(h.toLowerCase(Locale.ROOT))) return h;
        if (status == 431 || r.contains("header")) return "headers";
        if (status == 413 || r.contains("content")) return "body";
        if (status == 414 || r.contains("uri") || r.contains("path")) return "path";
        if (r.contains("version")) return "HTTP-version";
        if (r.contains("method")) return "method";
        return "request";
    }

    /**
     * The request's path; when Jetty could not parse the request line (it then stands in
     * "/badMessage"), the path part of the target as sent, or null when there was none.
     */
    private static String path(Request request) {
        try {
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            if (!"/badMessage".equals(path)) return path;
            String target = RequestTargets.target(request);
            if (target == null || !target.startsWith("/")) return null;
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** On the API by its path; a request whose path Jetty could not read is answered as a problem (no browser sends one). */
    private static boolean api(Request request, String path) {
        return path == null || ErrorMapper.isApi(path);
    }

    private static String lang(Request request) {
        try {
            String target = RequestTargets.target(request);
            String query = target != null && target.contains("?") ? target.substring(target.indexOf('?') + 1)
                    : request.getHttpURI() == null ? null : request.getHttpURI().getQuery(), lang = null;
            if (query != null) for (String pair : query.split("&")) if (pair.startsWith("lang=")) lang = pair.substring(5);
            String cookie = null;
            for (HttpCookie c : Request.getCookies(request)) if (c.getName().equals(Lang.COOKIE)) cookie = c.getValue();
            return Lang.pickOrEnglish(lang, cookie, request.getHeaders().get("Accept-Language"));
        } catch (RuntimeException e) {
            return "en";
        }
    }
}
