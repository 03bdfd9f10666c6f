package uk.localoffer.server.api;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.NotFoundException;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;
import uk.localoffer.upkeep.ApiKeys;
import uk.localoffer.upkeep.AuthorityWrites;
import uk.localoffer.upkeep.History;
import uk.localoffer.upkeep.Writable;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The writes of one kind of record at its address ({@code PUT}, {@code DELETE},
 * {@code POST …/verified}) and its history ({@code GET …/history}). Each write needs the key of
 * the record's authority, honours If-Match (412 when the record has changed since), commits
 * durably, and is served at once: the directory is reloaded before the answer. {@code id}: the
 * record's id from the path, checked (a UUID, or an authority's GSS code).
 */
record RecordWrites<T>(Directory directory, Keys keys, AuthorityWrites writes, Writable<T> kind, Function<Context, String> id, Answer<T> answer) {
    /** How a kind's record is answered after a write: the body, with its ETag. */
    @FunctionalInterface
    interface Answer<T> {
        void send(Context ctx, T record, String tag);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecordWrites.class);

    void register(Routes r, String path) {
        Function<Context, String> raw = ctx -> ctx.pathParamMap().values().stream().findFirst().orElse(null);
        r.put(path, keys.writing("put", kind.kind, raw, this::put));
        r.delete(path, keys.writing("withdraw", kind.kind, raw, this::withdraw));
        r.post(path + "/verified", keys.writing("verify", kind.kind, raw, this::verify));
        r.get(path + "/history", this::history);
    }

    private int put(Context ctx, ApiKeys.Holder key) {
        Params.of(ctx, Set.of());
        String recordId = id.apply(ctx);
        var o = writes.put(key, kind, recordId, JsonBody.read(ctx), conditions(ctx));
        if (o.result() != AuthorityWrites.Result.UNCHANGED) serveNow(directory);
        int status = o.result() == AuthorityWrites.Result.CREATED ? 201 : 200;
        if (status == 201) ctx.header("Location", ctx.path());
        ctx.status(status);
        answer.send(ctx, o.record(), o.tag());
        return status;
    }

    private int verify(Context ctx, ApiKeys.Holder key) {
        Params.of(ctx, Set.of());
        var o = writes.verify(key, kind, id.apply(ctx), conditions(ctx));
        serveNow(directory);
        answer.send(ctx, o.record(), o.tag());
        return 200;
    }

    private int withdraw(Context ctx, ApiKeys.Holder key) {
        Params.of(ctx, Set.of());
        writes.withdraw(key, kind, id.apply(ctx), conditions(ctx));
        serveNow(directory);
        ctx.status(204);
        return 204;
    }

    private void history(Context ctx) {
        Params.of(ctx, Set.of());
        String recordId = id.apply(ctx);
        List<History.Entry> entries = History.of(directory.store(), kind, recordId);
        if (entries.isEmpty()) throw new NotFoundException("no " + kind.kind.replace('_', ' ') + " with id " + recordId + " has a history here");
        JsonBody.send(ctx, new WriteAnswers.History(kind.kind, recordId, entries.stream().map(RecordWrites::change).toList()));
    }

    static WriteAnswers.Change change(History.Entry e) {
        WriteAnswers.KeyRef by = e.keyId() == null ? null : new WriteAnswers.KeyRef(e.keyId(), e.keyName(), e.authority());
        return new WriteAnswers.Change(e.at().toString(), e.change(), e.source(), by,
                e.fields().stream().map(f -> new WriteAnswers.FieldChange(f.field(), f.before(), f.after())).toList());
    }

    static AuthorityWrites.Conditions conditions(Context ctx) {
        return new AuthorityWrites.Conditions(ctx.header("If-Match"), ctx.header("If-None-Match"));
    }

    /** Reloads the directory so the write is served now; if that fails, the reload watcher tries again within seconds. */
    static void serveNow(Directory directory) {
        try {
            directory.reload();
        } catch (RuntimeException e) {
            LOG.warn("reload after a write failed; the reload watcher will try again: {}", e.getClass().getName());
        }
    }
}
