package uk.localoffer.upkeep;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.ImportProblem;
import uk.localoffer.importer.RecordReader;
import uk.localoffer.oruk.OrukSchemas;
import uk.localoffer.store.Changes;
import uk.localoffer.store.Store;
import uk.localoffer.store.Stored;
import uk.localoffer.store.Writer;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What an authority's key may do to its own records: create or replace one, confirm it was
 * checked with the provider today, withdraw it, or send a whole file. Each write is one durable
 * transaction: the record, its history (before and after), the run that names the key, and a
 * line of the audit; a refused write changes nothing ({@link WriteRefused}).
 *
 * <p>What an authority writes is kept in its own source, {@code authority/GSS}: a write to a
 * record of the default dataset moves that record there (same id), so a re-import of the default
 * dataset never overwrites it, nor brings back one the authority withdrew.
 */
public final class AuthorityWrites {
    /** The request's preconditions: If-Match (a version it must still be) and If-None-Match (only {@code *}: only if it is new). */
    public record Conditions(String ifMatch, String ifNoneMatch) {
        public static final Conditions NONE = new Conditions(null, null);
    }

    public enum Result { CREATED, UPDATED, VERIFIED, UNCHANGED, WITHDRAWN }

    /** The record after the write (before it, when withdrawn) and its new version tag. */
    public record Outcome<T>(T record, Result result) {
        public String tag() { return result == Result.WITHDRAWN ? null : Versions.tag(record); }
    }

    /** One record an import added, changed or withdrew; {@code fields}: what changed. */
    public record Item(String id, String name, List<String> fields) { }

    /** What an import did (or, in a dry run, would do). */
    public record ImportOutcome(String kind, boolean dryRun, List<Item> added, List<Item> changed, List<Item> withdrawn, int unchanged,
                                List<ImportProblem> warnings) { }

    private final Store store;
    private final Vocabulary vocabulary;
    private final OrukSchemas schemas;
    private final Supplier<Map<String, Authority>> authorities;
    private final Clock clock;

    public AuthorityWrites(Store store, Vocabulary vocabulary, OrukSchemas schemas, Supplier<Map<String, Authority>> authorities, Clock clock) {
        this.store = store;
        this.vocabulary = vocabulary;
        this.schemas = schemas;
        this.authorities = authorities;
        this.clock = clock;
    }

    private LocalDate today() { return LocalDate.now(clock); }

    private RecordReader reader(ApiKeys.Holder key) {
        return new RecordReader(Stored.authoritySource(key.authority()), clock.instant(), today(), vocabulary, authorities.get(), schemas)
                .forAuthority(key.authority());
    }

    /** Creates or replaces the record {@code id} (for a leaving care team, the authority's GSS code) with the body. */
    public <T> Outcome<T> put(ApiKeys.Holder key, Writable<T> kind, String id, JsonNode body, Conditions c) {
        return store.writeDurably(w -> {
            Optional<Stored<T>> current = kind.current(w, id);
            T before = current.map(Stored::record).orElse(null);
            if (before != null) mustBeOwn(key, kind, before);
            else notWithdrawnByAnother(w, key, kind, id);
            check(c, before == null ? null : Versions.tag(before));
            List<ImportProblem> problems = new ArrayList<>();
            T incoming = kind.read(reader(key), id, body, "body", today(), problems);
            List<ImportProblem> errors = errors(kind, problems).stream().map(AuthorityWrites::inBody).toList();
            if (!errors.isEmpty()) throw WriteRefused.invalid(errors);
            mustBeOwn(key, kind, incoming);
            T record = stamped(kind, incoming, before, key);
            if (before != null && Versions.sameFacts(before, record)) return new Outcome<>(before, Result.UNCHANGED);
            String change = change(kind, before, record);
            write(w, key, "put", kind, record, before, change);
            return new Outcome<>(record, before == null ? Result.CREATED : Result.UPDATED);
        });
    }

    /** Records that the record was checked with the provider today, by this key's authority. */
    public <T> Outcome<T> verify(ApiKeys.Holder key, Writable<T> kind, String id, Conditions c) {
        return store.writeDurably(w -> {
            T before = own(w, key, kind, id, c);
            Provenance p = kind.provenance(before);
            T record = kind.withProvenance(before, p.keptBy(Stored.authoritySource(key.authority()), p.sourceId(), clock.instant())
                    .verified(today(), key.authority()));
            write(w, key, "verify", kind, record, before, "verified");
            return new Outcome<>(record, Result.VERIFIED);
        });
    }

    /** Withdraws the record: gone from search, match and pages; its history stays; a re-import does not bring it back. */
    public <T> Outcome<T> withdraw(ApiKeys.Holder key, Writable<T> kind, String id, Conditions c) {
        return store.writeDurably(w -> {
            T before = own(w, key, kind, id, c);
            long run = w.startRun(Stored.authoritySource(key.authority()), "withdraw " + kind.kind + " " + id, key.keyId());
            kind.withdraw(w, before, run);
            w.finishImportRun(run, new Changes(0, 0, 1, 0));
            w.audit(key.keyId(), key.authority(), "withdraw", kind.kind, id, run);
            return new Outcome<>(before, Result.WITHDRAWN);
        });
    }

    /**
     * Makes the authority's services (or entitlements) exactly those of a file: a services or
     * entitlements CSV, or Open Referral UK JSON. Records of the authority the file leaves out
     * are withdrawn. A dry run answers the same and changes nothing.
     */
    public ImportOutcome importFile(ApiKeys.Holder key, String text, boolean json, boolean dryRun) {
        List<ImportProblem> problems = new ArrayList<>();
        RecordReader.Read read = reader(key).file("body", text, json, problems);
        if (read.services() != null) return importAll(key, Writable.SERVICE, read.services(), problems, dryRun);
        if (read.entitlements() != null) return importAll(key, Writable.ENTITLEMENT, read.entitlements(), problems, dryRun);
        if (errors(Writable.SERVICE, problems).isEmpty())
            problems.add(new ImportProblem(ImportProblem.Severity.ERROR, "body", "line 1", "body",
                    "send a services or entitlements CSV, or Open Referral UK JSON (routes and council tax are not written this way)"));
        throw WriteRefused.invalid(errors(Writable.SERVICE, problems));
    }

    private <T> ImportOutcome importAll(ApiKeys.Holder key, Writable<T> kind, List<T> incoming, List<ImportProblem> problems, boolean dryRun) {
        Set<String> ids = new HashSet<>();
        for (T r : incoming)
            if (!ids.add(kind.idOf(r))) problems.add(RowJson.problem("body", "id", "id " + kind.idOf(r) + " is in the file twice"));
        List<ImportProblem> forbidden = new ArrayList<>();
        for (T r : incoming)
            if (!key.authority().equals(kind.authorityOf(r))) forbidden.add(RowJson.problem("body", "authority", "'" + kind.nameOf(r)
                    + "' names authority " + kind.authorityOf(r) + ": this key writes only for " + key.authority()));
        if (!forbidden.isEmpty()) throw WriteRefused.forbidden("authority", forbidden.get(0).message(), forbidden);
        List<ImportProblem> errors = errors(kind, problems);
        if (!errors.isEmpty()) throw WriteRefused.invalid(errors);
        Store.Work<ImportOutcome> work = w -> {
            Map<String, T> current = new LinkedHashMap<>();
            for (Stored<T> s : kind.ofAuthority(w, key.authority())) current.put(kind.idOf(s.record()), s.record());
            List<Item> added = new ArrayList<>(), changed = new ArrayList<>(), withdrawn = new ArrayList<>();
            int unchanged = 0;
            long run = w.startRun(Stored.authoritySource(key.authority()), "import of " + kind.kind + "s", key.keyId());
            for (T r : incoming) {
                T before = current.remove(kind.idOf(r));
                if (before == null) {
                    kind.current(w, kind.idOf(r)).ifPresent(other -> mustBeOwn(key, kind, other.record()));
                    notWithdrawnByAnother(w, key, kind, kind.idOf(r));
                }
                T record = stamped(kind, r, before, key);
                if (before != null && Versions.sameFacts(before, record)) { unchanged++; continue; }
                kind.put(w, record, run, change(kind, before, record), before);
                w.audit(key.keyId(), key.authority(), "import", kind.kind, kind.idOf(r), run);
                (before == null ? added : changed).add(new Item(kind.idOf(r), kind.nameOf(r), History.changedFields(kind, before, record)));
            }
            for (T gone : current.values()) {
                kind.withdraw(w, gone, run);
                w.audit(key.keyId(), key.authority(), "withdraw", kind.kind, kind.idOf(gone), run);
                withdrawn.add(new Item(kind.idOf(gone), kind.nameOf(gone), List.of()));
            }
            w.finishImportRun(run, new Changes(added.size(), changed.size(), withdrawn.size(), unchanged));
            return new ImportOutcome(kind.kind, dryRun, added, changed, withdrawn, unchanged,
                    problems.stream().filter(p -> !p.isError()).toList());
        };
        return dryRun ? store.dryRun(work) : store.writeDurably(work);
    }

    /** The record {@code id} as it stands, when it is this key's authority's and still the version the request names. */
    private <T> T own(Writer w, ApiKeys.Holder key, Writable<T> kind, String id, Conditions c) throws SQLException {
        T before = kind.current(w, id).map(Stored::record)
                .orElseThrow(() -> WriteRefused.notFound("no " + kind.kind.replace('_', ' ') + " has id " + id));
        mustBeOwn(key, kind, before);
        check(c, Versions.tag(before));
        return before;
    }

    private <T> void write(Writer w, ApiKeys.Holder key, String action, Writable<T> kind, T record, T before, String change) throws SQLException {
        String id = kind.idOf(record);
        long run = w.startRun(Stored.authoritySource(key.authority()), action + " " + kind.kind + " " + id, key.keyId());
        kind.put(w, record, run, change, before);
        w.finishImportRun(run, before == null ? new Changes(1, 0, 0, 0) : new Changes(0, 1, 0, 0));
        w.audit(key.keyId(), key.authority(), action, kind.kind, id, run);
    }

    /** A record another authority withdrew stays theirs: its id is not free for this key. */
    private static <T> void notWithdrawnByAnother(Writer w, ApiKeys.Holder key, Writable<T> kind, String id) throws SQLException {
        String by = kind.withdrawnBy(w, id);
        if (by != null && !by.equals(key.authority()))
            throw WriteRefused.forbidden("id", "id " + id + " is a record " + by + " withdrew: this key writes only for " + key.authority());
    }

    private static <T> void mustBeOwn(ApiKeys.Holder key, Writable<T> kind, T record) {
        String owner = kind.authorityOf(record);
        if (owner == null)
            throw WriteRefused.forbidden("authority", "'" + kind.nameOf(record) + "' is a national record: the directory keeps it, no authority's key writes it");
        if (!owner.equals(key.authority()))
            throw WriteRefused.forbidden("authority", "'" + kind.nameOf(record) + "' is " + owner + "'s: this key writes only for " + key.authority());
    }

    /** Refuses the write when the record is no longer the version If-Match names, or exists when If-None-Match: * says it must not. */
    private static void check(Conditions c, String tag) {
        if (c.ifMatch() != null && !Versions.matches(c.ifMatch(), tag))
            throw WriteRefused.stale("If-Match", tag == null ? "there is no such record to match" : "the record has changed since that version: get it again, its ETag is " + tag);
        if (c.ifNoneMatch() != null && c.ifNoneMatch().trim().equals("*") && tag != null)
            throw WriteRefused.stale("If-None-Match", "the record exists already (its ETag is " + tag + ")");
    }

    /**
     * The record as the authority's source keeps it: imported now; recorded when the body says, else
     * when it was recorded before if its facts are unchanged, else today; checked by this authority
     * when the body gives a new date it was checked.
     */
    private <T> T stamped(Writable<T> kind, T incoming, T before, ApiKeys.Holder key) {
        Provenance p = kind.provenance(incoming);
        Provenance old = before == null ? null : kind.provenance(before);
        String by = p.lastVerified() == null ? null
                : old != null && p.lastVerified().equals(old.lastVerified()) ? old.verifiedBy() : key.authority();
        LocalDate recorded = p.recorded() != null ? p.recorded() : old != null ? old.recorded() : null;
        T record = kind.withProvenance(incoming, new Provenance(Stored.authoritySource(key.authority()), p.sourceId(), clock.instant(),
                p.lastVerified(), p.illustrative(), p.note(), p.sourceUrl(), p.pageDate(), recorded, by));
        if (p.recorded() != null || (before != null && Versions.sameFacts(before, record))) return record;
        Provenance q = kind.provenance(record);
        return kind.withProvenance(record, new Provenance(q.source(), q.sourceId(), q.importedAt(), q.lastVerified(), q.illustrative(), q.note(),
                q.sourceUrl(), q.pageDate(), today(), q.verifiedBy()));
    }

    /** added; verified when only the day it was checked changed; else updated. */
    private static <T> String change(Writable<T> kind, T before, T after) {
        if (before == null) return "added";
        Provenance a = kind.provenance(after);
        return Versions.sameFacts(kind.withProvenance(before, kind.provenance(before).verified(a.lastVerified(), a.verifiedBy())), after)
                ? "verified" : "updated";
    }

    /** A problem of a JSON body placed by its JSON path ($.field), not by the line of the CSV row it was checked as. */
    private static ImportProblem inBody(ImportProblem p) {
        if (!p.where().startsWith("line ")) return p;
        return new ImportProblem(p.severity(), p.file(), p.field() == null ? "$" : "$." + p.field(), p.field(), p.message());
    }

    /** The errors, each naming the body's field. */
    private static <T> List<ImportProblem> errors(Writable<T> kind, List<ImportProblem> problems) {
        return problems.stream().filter(ImportProblem::isError)
                .map(p -> p.field() == null ? p : new ImportProblem(p.severity(), p.file(), p.where(), kind.field(p.field()), p.message())).toList();
    }
}
