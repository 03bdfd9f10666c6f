package uk.localoffer.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.oruk.OrukSchemas;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of one source by the import's rules, from a whole file's text (services,
 * entitlements, routes or council tax CSV, or Open Referral UK JSON) or from one record's cells:
 * every problem is reported with where it is and the field at fault, and a record with an error
 * is left out.
 */
public final class RecordReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a file held, by kind: null for the kinds the file is not (a file of one kind with no rows holds an empty list). */
    public record Read(List<Service> services, List<Entitlement> entitlements, List<AuthorityRoute> routes, List<CouncilTaxScheme> councilTax) {
        static final Read NOTHING = new Read(null, null, null, null);
    }

    private final String source;
    private final Instant now;
    private final Vocabulary vocabulary;
    private final Map<String, Authority> authorities;
    private final OrukSchemas schemas;
    private final OfferRows rows;
    private final String defaultAuthority;

    /** {@code schemas}, when given, checks Open Referral UK JSON against the standard. */
    public RecordReader(String source, Instant now, LocalDate today, Vocabulary vocabulary, Map<String, Authority> authorities, OrukSchemas schemas) {
        this(source, now, vocabulary, authorities, schemas, new OfferRows(source, now, today, vocabulary, authorities), null);
    }

    private RecordReader(String source, Instant now, Vocabulary vocabulary, Map<String, Authority> authorities, OrukSchemas schemas,
                         OfferRows rows, String defaultAuthority) {
        this.source = source;
        this.now = now;
        this.vocabulary = vocabulary;
        this.authorities = authorities;
        this.schemas = schemas;
        this.rows = rows;
        this.defaultAuthority = defaultAuthority;
    }

    /** This reader, giving a record that names no authority (a blank cell, no x_local_offer.authority) the authority {@code gss}. */
    public RecordReader forAuthority(String gss) {
        return new RecordReader(source, now, vocabulary, authorities, schemas, rows, gss);
    }

    private FileFormat.Rows readers() {
        return new FileFormat.Rows(rows, new SourcedRows(source, rows, authorities::containsKey, authorities::containsKey));
    }

    /** A whole file called {@code label}: JSON when {@code json}, else CSV in one of the formats (told by its header). */
    public Read file(String label, String text, boolean json, List<ImportProblem> problems) {
        if (json) {
            try {
                return new Read(oruk(label, JSON.readTree(text), problems), null, null, null);
            } catch (JsonProcessingException e) {
                problems.add(new ImportProblem(ImportProblem.Severity.ERROR, label, "line " + e.getLocation().getLineNr(), null,
                        "not valid JSON: " + e.getOriginalMessage()));
                return Read.NOTHING;
            }
        }
        CsvTable t;
        try {
            t = CsvTable.read(label, new StringReader(text));
        } catch (CsvTable.CsvSyntaxException e) {
            problems.add(ImportProblem.error(e.file, e.line, null, e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
            return Read.NOTHING;
        } catch (IOException e) {
            throw new IllegalStateException("reading text cannot fail", e);
        }
        Offers offers = Offers.empty();
        FileFormat format = FileFormat.of(t.header());
        if (defaultAuthority != null && format != FileFormat.COUNCIL_TAX) t = withAuthority(t);
        format.readChecked(t, false, readers(), offers, source, problems);
        return new Read(offers.services().get(source), offers.entitlements().get(source), offers.routes().get(source), offers.councilTax().get(source));
    }

    /** The services of an Open Referral UK document: a /services page, a list of services, or one service. */
    public List<Service> oruk(String label, JsonNode root, List<ImportProblem> problems) {
        if (defaultAuthority != null) {
            if (root.isObject() && root.has("contents")) root.get("contents").forEach(this::withAuthority);
            else if (root.isArray()) root.forEach(this::withAuthority);
            else withAuthority(root);
        }
        return new OrukReader(label, source, now, vocabulary, authorities, schemas).services(root, problems);
    }

    /** One entitlement from its cells by column (docs/data-format.md); null when it has an error. */
    public Entitlement entitlement(String label, Map<String, String> cells, List<ImportProblem> problems) {
        return rows.entitlement(row(label, cells, OfferRows.ENTITLEMENT_COLUMNS, problems), problems);
    }

    /** One route from its cells by column (docs/sourced-data.md, and last_verified); null when it has an error. */
    public AuthorityRoute route(String label, Map<String, String> cells, List<ImportProblem> problems) {
        List<String> columns = new ArrayList<>(SourcedRows.ROUTE_COLUMNS);
        columns.add("last_verified");
        return new SourcedRows(source, rows, authorities::containsKey, authorities::containsKey).route(row(label, cells, columns, problems), problems);
    }

    /** An ORUK service that names no authority, given the default one. */
    private void withAuthority(JsonNode service) {
        if (!(service instanceof com.fasterxml.jackson.databind.node.ObjectNode s)) return;
        JsonNode x = s.get("x_local_offer");
        if (x == null || x.isNull()) x = s.putObject("x_local_offer");
        if (x instanceof com.fasterxml.jackson.databind.node.ObjectNode o && (!o.hasNonNull("authority") || o.get("authority").asText().isBlank()))
            o.put("authority", defaultAuthority);
    }

    /** The table with the default authority in every row that names none. */
    private CsvTable withAuthority(CsvTable t) {
        List<String> header = new ArrayList<>(t.header());
        if (!header.contains("authority")) header.add("authority");
        List<CsvTable.Row> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) out.add(new CsvTable.Row(r.file(), r.line(), withAuthority(r.cells())));
        return new CsvTable(t.file(), List.copyOf(header), List.copyOf(out));
    }

    private Map<String, String> withAuthority(Map<String, String> cells) {
        Map<String, String> out = new LinkedHashMap<>(cells);
        if (defaultAuthority != null && (out.get("authority") == null || out.get("authority").isBlank())) out.put("authority", defaultAuthority);
        return out;
    }

    /** A row of every column (blank where not given); a cell that is no column is an error. */
    private CsvTable.Row row(String label, Map<String, String> cells, List<String> columns, List<ImportProblem> problems) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String c : columns) all.put(c, "");
        for (var e : withAuthority(cells).entrySet()) {
            if (columns.contains(e.getKey())) all.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
            else problems.add(new ImportProblem(ImportProblem.Severity.ERROR, label, e.getKey(), e.getKey(),
                    "unknown field (allowed: " + String.join(", ", columns) + ")"));
        }
        return new CsvTable.Row(label, 1, all);
    }
}
