package uk.localoffer.upkeep;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.ImportProblem;
import uk.localoffer.importer.OfferCsvWriter;
import uk.localoffer.importer.RecordReader;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.RecordTable;
import uk.localoffer.store.Stored;
import uk.localoffer.store.Writer;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of record an authority writes with its key: how it is found, read from a request body
 * (by the import's rules), kept, withdrawn and shown field by field. Services are Open Referral
 * UK JSON; entitlements and the leaving care team contact are their CSV row as JSON ({@link RowJson}).
 */
public abstract class Writable<T> {
    public static final Writable<Service> SERVICE = new InTable<>(RecordTable.SERVICES) {
        @Override String authorityOf(Service s) { return s.authorityCode(); }

        @Override public String nameOf(Service s) { return s.name(); }

        @Override public Map<String, String> fields(Service s) {
            Map<String, String> f = OfferCsvWriter.cells(s);
            List<String> others = new ArrayList<>();
            for (Location l : s.locations().subList(Math.min(1, s.locations().size()), s.locations().size()))
                others.add(String.join(", ", java.util.stream.Stream.of(l.name(), l.address(), l.postcode(),
                        l.point() == null ? null : l.point().lat() + " " + l.point().lon()).filter(x -> x != null).toList()));
            if (!others.isEmpty()) f.put("other_places", String.join(" | ", others));
            return withSource(f, s.provenance());
        }

        @Override Service read(RecordReader reader, String id, JsonNode body, String label, LocalDate today, List<ImportProblem> problems) {
            if (!(body instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
                problems.add(RowJson.problem(label, "body", "the body must be one Open Referral UK service, a JSON object"));
                return null;
            }
            if (o.hasNonNull("id") && !o.get("id").asText().equals(id)) {
                problems.add(RowJson.problem(label, "id", "is " + o.get("id").asText() + " but the address names " + id));
                return null;
            }
            o.put("id", id);
            if (o.get("x_local_offer") instanceof com.fasterxml.jackson.databind.node.ObjectNode x && !x.hasNonNull("source_note"))
                x.put("source_note", "Written by the authority with its API key");
            List<Service> read = reader.oruk(label, o, problems);
            return read.size() == 1 ? read.get(0) : null;
        }
    };

    public static final Writable<Entitlement> ENTITLEMENT = new InTable<>(RecordTable.ENTITLEMENTS) {
        private final RowJson json = new RowJson(Map.of(), Set.of("statuses"), Set.of("applies_out_of_area"),
                Set.of("amount_gbp", "age_min", "age_max"), Set.of("source", "last_verified_by"));

        @Override String authorityOf(Entitlement e) { return e.authorityCode(); }

        @Override public String nameOf(Entitlement e) { return e.title(); }

        @Override public Map<String, String> fields(Entitlement e) { return withSource(OfferCsvWriter.cells(e), e.provenance()); }

        @Override public Map<String, Object> representation(Entitlement e) { return json.json(fields(e)); }

        @Override Entitlement read(RecordReader reader, String id, JsonNode body, String label, LocalDate today, List<ImportProblem> problems) {
            Map<String, String> cells = json.cells(body, label, problems);
            if (!idAgrees(cells, id, label, problems)) return null;
            cells.put("id", id);
            if (blank(cells, "source_id")) cells.put("source_id", id);
            if (blank(cells, "recorded")) cells.put("recorded", today.toString());
            return reader.entitlement(label, cells, problems);
        }
    };

    public static final Writable<AuthorityRoute> TEAM = new Writable<>("leaving_care_team", AuthorityRoute.class) {
        private final RowJson json = new RowJson(Map.of("phone", "phones"), Set.of("phone"), Set.of(), Set.of(), Set.of("source", "last_verified_by"));

        @Override Optional<Stored<AuthorityRoute>> current(Writer w, String gss) throws SQLException { return w.team(gss); }

        @Override List<Stored<AuthorityRoute>> ofAuthority(Writer w, String gss) throws SQLException { return w.team(gss).stream().toList(); }

        @Override void put(Writer w, AuthorityRoute r, long run, String change, AuthorityRoute before) throws SQLException {
            w.putTeam(r, run, change, before);
        }

        @Override void withdraw(Writer w, AuthorityRoute r, long run) throws SQLException { w.withdrawTeam(r, run); }

        @Override String withdrawnBy(Writer w, String gss) { return null; } // a team is its own authority's, withdrawn or not

        @Override String authorityOf(AuthorityRoute r) { return r.authorityCode(); }

        @Override public String idOf(AuthorityRoute r) { return r.authorityCode(); }

        @Override public String nameOf(AuthorityRoute r) { return r.name(); }

        @Override Provenance provenance(AuthorityRoute r) { return r.provenance(); }

        @Override AuthorityRoute withProvenance(AuthorityRoute r, Provenance p) { return r.withProvenance(p); }

        @Override public Map<String, String> fields(AuthorityRoute r) { return withSource(OfferCsvWriter.cells(r), r.provenance()); }

        @Override public Map<String, Object> representation(AuthorityRoute r) { return json.json(fields(r)); }

        @Override public String field(String column) { return json.renames().getOrDefault(column, column); }

        @Override AuthorityRoute read(RecordReader reader, String gss, JsonNode body, String label, LocalDate today, List<ImportProblem> problems) {
            Map<String, String> cells = json.cells(body, label, problems);
            String route = cells.getOrDefault("route", "");
            if (!route.isEmpty() && !route.equals(AuthorityRoute.Kind.LEAVING_CARE_TEAM.code()))
                problems.add(RowJson.problem(label, "route", "this address holds the leaving_care_team route, got '" + route + "'"));
            cells.put("route", AuthorityRoute.Kind.LEAVING_CARE_TEAM.code());
            if (blank(cells, "authority")) cells.put("authority", gss);
            if (blank(cells, "recorded")) cells.put("recorded", today.toString());
            return reader.route(label, cells, problems);
        }
    };

    /** The kind's name in answers and history: service, entitlement or leaving_care_team. */
    public final String kind;
    final Class<T> type;

    Writable(String kind, Class<T> type) {
        this.kind = kind;
        this.type = type;
    }

    /** The record in force with this id (for a leaving care team, the authority's GSS code), whichever source keeps it. */
    abstract Optional<Stored<T>> current(Writer w, String id) throws SQLException;

    /** Every record of an authority of this kind, whichever source keeps it. */
    abstract List<Stored<T>> ofAuthority(Writer w, String gss) throws SQLException;

    abstract void put(Writer w, T record, long run, String change, T before) throws SQLException;

    /** The authority that withdrew the record {@code id}, null when none did: only it may write that id again. */
    abstract String withdrawnBy(Writer w, String id) throws SQLException;

    abstract void withdraw(Writer w, T record, long run) throws SQLException;

    /** Whose record it is; null for a national one, which no authority writes. */
    abstract String authorityOf(T record);

    public abstract String idOf(T record);

    public abstract String nameOf(T record);

    abstract Provenance provenance(T record);

    abstract T withProvenance(T record, Provenance p);

    /** Every fact of the record by field (its CSV columns, where it came from and who checked it), for history. */
    public abstract Map<String, String> fields(T record);

    /** The record as a write sends it and a read answers it (services answer Open Referral UK instead). */
    public Map<String, Object> representation(T record) { throw new UnsupportedOperationException(kind + " is answered as Open Referral UK"); }

    /** The body's name for a column the import's checks name. */
    public String field(String column) { return column; }

    /** The record a write's body holds, or null with the problems found. */
    abstract T read(RecordReader reader, String id, JsonNode body, String label, LocalDate today, List<ImportProblem> problems);

    T parse(String json) { return json == null ? null : RecordJson.read(json, type); }

    private static Map<String, String> withSource(Map<String, String> f, Provenance p) {
        f.remove("source_id");
        f.put("source", p.source());
        f.put("last_verified_by", p.verifiedBy());
        return f;
    }

    private static boolean blank(Map<String, String> cells, String column) {
        return cells.get(column) == null || cells.get(column).isBlank();
    }

    private static boolean idAgrees(Map<String, String> cells, String id, String label, List<ImportProblem> problems) {
        if (blank(cells, "id") || cells.get("id").equals(id)) return true;
        problems.add(RowJson.problem(label, "id", "is " + cells.get("id") + " but the address names " + id));
        return false;
    }

    /** Services and entitlements: kept in their own table, found by id. */
    private abstract static class InTable<T> extends Writable<T> {
        private final RecordTable<T> table;

        InTable(RecordTable<T> table) {
            super(table.kind(), table.type());
            this.table = table;
        }

        @Override Optional<Stored<T>> current(Writer w, String id) throws SQLException { return w.records(table).byId(id); }

        @Override List<Stored<T>> ofAuthority(Writer w, String gss) throws SQLException { return w.records(table).ofAuthority(gss); }

        @Override void put(Writer w, T r, long run, String change, T before) throws SQLException {
            w.records(table).put(r, Stored.authoritySource(authorityOf(r)), run, change, before);
        }

        @Override void withdraw(Writer w, T r, long run) throws SQLException { w.records(table).withdraw(r, authorityOf(r), run); }

        @Override String withdrawnBy(Writer w, String id) throws SQLException { return w.records(table).withdrawnBy(id); }

        @Override public String idOf(T r) { return table.id().apply(r); }

        @Override Provenance provenance(T r) { return table.provenance().apply(r); }

        @Override T withProvenance(T r, Provenance p) { return table.withProvenance().apply(r, p); }
    }
}
