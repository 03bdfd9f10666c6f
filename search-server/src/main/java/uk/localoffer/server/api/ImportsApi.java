package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.http.BadRequestException;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;
import uk.localoffer.server.http.UnsupportedTypeException;
import uk.localoffer.upkeep.ApiKeys;
import uk.localoffer.upkeep.AuthorityWrites;

import java.util.List;
import java.util.Set;

/**
 * POST /api/v1/imports: a services or entitlements CSV (text/csv) or Open Referral UK JSON
 * (application/json) for the key's authority. Its records become exactly the file's: the answer
 * lists what was (or, with dry_run=true, would be) added, changed and withdrawn.
 */
record ImportsApi(Directory directory, AuthorityWrites writes) {
    /** The largest file taken: an authority's whole offer as Open Referral UK JSON. */
    static final long MAX_BYTES = 8L * 1024 * 1024;
    static final String PATH = ApiRoutes.BASE + "/imports";

    void register(Routes r, Keys keys) {
        r.post(PATH, keys.writing("import", "file", ctx -> null, this::importFile));
    }

    private int importFile(Context ctx, ApiKeys.Holder key) {
        Params p = Params.of(ctx, Set.of("dry_run"));
        if (p.text("dry_run") == null)
            throw BadRequestException.parameter("dry_run", "say dry_run=true to see what would change, or dry_run=false to change it");
        boolean dryRun = p.bool("dry_run");
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        boolean json = type.startsWith("application/json");
        if (!json && !type.startsWith("text/csv"))
            throw new UnsupportedTypeException("send text/csv (services or entitlements) or application/json (Open Referral UK), got '"
                    + (type.isEmpty() ? "none" : type.replaceAll("[^a-z0-9/+.;= -]", "")) + "'");
        if (json) JsonBody.requireJson(ctx.contentType());
        // The file is read as every body is: bounded however it is sent, UTF-8, and JSON strictly (no key twice, nothing after it).
        byte[] body = JsonBody.bytes(ctx, MAX_BYTES);
        if (json) JsonBody.parse(body);
        AuthorityWrites.ImportOutcome o = writes.importFile(key, JsonBody.utf8(body), json, dryRun);
        boolean changed = !o.added().isEmpty() || !o.changed().isEmpty() || !o.withdrawn().isEmpty();
        if (!dryRun && changed) RecordWrites.serveNow(directory);
        JsonBody.send(ctx, new WriteAnswers.ImportResult(o.kind(), o.dryRun(), records(o.added()), records(o.changed()), records(o.withdrawn()),
                o.unchanged(), o.warnings().stream().map(w -> new WriteAnswers.Warning(w.field(), w.where(), w.message())).toList()));
        return 200;
    }

    private static List<WriteAnswers.ImportedRecord> records(List<AuthorityWrites.Item> items) {
        return items.stream().map(i -> new WriteAnswers.ImportedRecord(i.id(), i.name(), i.fields())).toList();
    }
}
