package uk.localoffer.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.localoffer.upkeep.WriteRefused;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The one place an error becomes an answer: the exception's type chooses the status and title
 * of an RFC 9457 problem, answered as application/problem+json (UTF-8) on the API and as the
 * pages' error page, in the chosen language, everywhere else. Nothing a user sent is echoed or
 * logged: an internal error is logged by route pattern and exception class only.
 */
public final class ErrorMapper {
    /** Set on a request whose error answer (a problem or a page) is already written. */
    private static final String ANSWERED = "localoffer.answered";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    public static final String PROBLEM_TYPE = "application/problem+json; charset=utf-8";

    /** How the pages answer an error: an HTML page for {@code status} in the request's language. */
    @FunctionalInterface
    public interface ErrorPage {
        void answer(Context ctx, int status);
    }

    private final long maxRequestBytes;
    private final ToLongFunction<String> bodyLimit;
    private final ErrorPage errorPage;

    /** {@code bodyLimit}: the largest body a path takes. */
    public ErrorMapper(long maxRequestBytes, ToLongFunction<String> bodyLimit, ErrorPage errorPage) {
        this.maxRequestBytes = maxRequestBytes;
        this.bodyLimit = bodyLimit;
        this.errorPage = errorPage;
    }

    /** The API and the operations routes answer problems; everything else is a page. */
    public static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api") || path.equals("/health") || path.equals("/openapi.json"));
    }

    public void install(RoutesConfig routes) {
        routes.exception(Exception.class, (e, ctx) -> answer(ctx, problem(e, ctx)));
        routes.error(404, "*", ctx -> {
            // A handler that already answered 404 (a problem or a page) keeps its answer.
            if (isAnswered(ctx)) return;
            answer(ctx, problem(new NotFoundException("there is nothing at " + ctx.path()), ctx));
        });
        routes.error(405, "*", ctx -> answer(ctx, new Problem(405, "Method not allowed", null, ctx.method() + " is not allowed on " + ctx.path(), ctx.path())));
        routes.error(413, "*", ctx -> answer(ctx, problem(new TooLargeException(maxRequestBytes), ctx)));
    }

    /** The problem an exception is, by its type. */
    Problem problem(Exception e, Context ctx) {
        return switch (e) {
            case BadRequestException b -> new Problem(400, b.kind == BadRequestException.Kind.BODY ? "Invalid request body" : "Invalid parameter",
                    b.field, b.getMessage(), ctx.path());
            case NotFoundException n -> new Problem(404, "Not found", null, n.getMessage(), ctx.path());
            case UnauthorizedException u -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"local-offer\"" + (u.keySent ? ", error=\"invalid_token\"" : ""));
                yield new Problem(401, "No valid key", "Authorization", u.getMessage(), ctx.path());
            }
            case WriteRefused w -> refused(w, ctx);
            case TooLargeException t -> new Problem(413, "Request too large", "body", t.getMessage(), ctx.path());
            case RawRequest.TooLongException t -> new Problem(t.status, t.status == 414 ? "URI too long" : "Request headers too large", t.field, t.getMessage(), ctx.path());
            case UnsupportedTypeException u -> new Problem(415, "Unsupported media type", "Content-Type", u.getMessage(), ctx.path());
            // Javalin's own refusals (a body it will not read, and the like): their status, never a 5xx for what the client sent.
            case HttpResponseException h when h.getStatus() >= 400 && h.getStatus() < 500 ->
                    new Problem(h.getStatus(), HttpStatus.forStatus(h.getStatus()).getMessage(), null, "the request was refused", ctx.path());
            default -> {
                // Never echo what the user sent; say only that it was our fault. The route pattern only: a path can hold a postcode.
                LOG.error("internal error on {} {}: {}", ctx.method(), ctx.endpoint() == null ? "?" : ctx.endpoint().path, e.getClass().getName());
                yield new Problem(500, "Internal error", null, "something went wrong on our side; the request was not stored", ctx.path());
            }
        };
    }

    /** A write that changed nothing: 404, 403, 412 or 400, every problem of the body listed. */
    private static Problem refused(WriteRefused w, Context ctx) {
        int status = switch (w.reason) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case PRECONDITION_FAILED -> 412;
            case INVALID -> 400;
        };
        String title = switch (w.reason) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not this key's authority";
            case PRECONDITION_FAILED -> "The record has changed";
            case INVALID -> "Invalid request body";
        };
        List<Problem.Error> errors = w.problems.isEmpty() ? null
                : w.problems.stream().map(p -> new Problem.Error(p.field(), p.where(), p.message())).toList();
        return new Problem("about:blank", title, status, w.getMessage(), w.field, ctx.path(), errors);
    }

    private void answer(Context ctx, Problem p) {
        markAnswered(ctx);
        if (p.status() != 413) readRestOfBody(ctx);
        if (!isApi(ctx.path())) {
            errorPage.answer(ctx, p.status());
            return;
        }
        try {
            ctx.status(HttpStatus.forStatus(p.status()));
            ctx.contentType(PROBLEM_TYPE).result(JsonBody.MAPPER.writeValueAsString(p));
        } catch (Exception e) {
            ctx.status(500).contentType(PROBLEM_TYPE).result("{\"status\":500,\"title\":\"Internal error\"}");
        }
    }

    /**
     * A refusal written while the client is still sending its body (a 401 before an import file
     * is read) can be lost when the connection is reset under it: the rest of the body is read
     * first, never more than the path takes (past that the connection closes, as before).
     */
    private void readRestOfBody(Context ctx) {
        long left = bodyLimit.applyAsLong(ctx.path());
        byte[] buf = new byte[8192];
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0; ) left -= n;
        } catch (IOException | RuntimeException e) {
            // nothing more can be read: the answer goes as it is
        }
    }

    /** Marks the request's error answer as written (a page that says "not found" does), so the 404 handler leaves it. */
    public static void markAnswered(Context ctx) { ctx.attribute(ANSWERED, true); }

    private static boolean isAnswered(Context ctx) { return ctx.attribute(ANSWERED) != null; }
}
