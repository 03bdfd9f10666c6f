package uk.localoffer.server.api;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.localoffer.server.http.UnauthorizedException;
import uk.localoffer.upkeep.ApiKeys;
import uk.localoffer.upkeep.WriteRefused;

/**
 * Who a write speaks for (the key in {@code Authorization: Bearer KEY}), and the audit log: one
 * line for every write tried, with the key's id, the time, the action and the record's id, and
 * never the key, the record's contents or anything else the request held.
 */
record Keys(ApiKeys keys) {
    /** The audit log (logger {@code uk.localoffer.audit}); the store keeps the same for every committed write. */
    private static final Logger AUDIT = LoggerFactory.getLogger("uk.localoffer.audit");

    /** A write's handler, given who the key speaks for. */
    @FunctionalInterface
    interface KeyedHandler {
        /** Handles the request; answers the HTTP status of the answer it wrote. */
        int handle(Context ctx, ApiKeys.Holder key) throws Exception;
    }

    /**
     * Runs {@code handler} for the request's key, and logs the attempt: 401 when there is no valid
     * key (the same answer, after the same work, for an unknown, revoked or wrong one).
     */
    io.javalin.http.Handler writing(String action, String kind, java.util.function.Function<Context, String> recordId, KeyedHandler handler) {
        return ctx -> {
            ApiKeys.Holder key;
            try {
                String presented = UnauthorizedException.bearer(ctx.header("Authorization"));
                key = keys.verify(presented).orElseThrow(() -> new UnauthorizedException(true, "the key is unknown, revoked or wrong"));
            } catch (UnauthorizedException e) {
                AUDIT.info("{} no valid key: {} {} {}: 401", now(), action, kind, safeId(recordId, ctx));
                throw e;
            }
            String id = safeId(recordId, ctx);
            try {
                int status = handler.handle(ctx, key);
                AUDIT.info("{} key {} ({}): {} {} {}: {}", now(), key.keyId(), key.authority(), action, kind, id, status);
            } catch (RuntimeException e) {
                // A refusal (the record's or the request's fault) by its reason; anything else failed on our side.
                boolean refused = e instanceof WriteRefused || e.getClass().getPackageName().equals(UnauthorizedException.class.getPackageName());
                AUDIT.info("{} key {} ({}): {} {} {}: {}, {}", now(), key.keyId(), key.authority(), action, kind, id, refused ? "refused" : "failed",
                        e instanceof WriteRefused w ? w.reason : e.getClass().getSimpleName());
                throw e;
            }
        };
    }

    private static String now() { return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(); }

    /** The record's id as the path gives it, when it looks like an id (a UUID or a GSS code); else "-": the log never holds what a user typed. */
    private static String safeId(java.util.function.Function<Context, String> recordId, Context ctx) {
        String id = recordId.apply(ctx);
        return id != null && id.matches("[0-9a-fA-F-]{36}|[EWSN][0-9]{8}") ? id : "-";
    }
}
