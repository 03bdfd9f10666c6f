package uk.localoffer.importer;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sourced local offers of the default dataset: one folder per batch of authorities under
 * {@code offers/} (listed in {@code offers/batches.txt}), each with up to four files
 * (docs/sourced-data.md). Each batch is one source: its records become exactly those in its files.
 */
final class OfferFolders {
    static final String BATCH_LIST = "offers/batches.txt";
    static final List<String> SERVICE_REQUIRED = List.of("source_id", "name", "description", "needs", "source_url", "recorded");
    static final List<String> ENTITLEMENT_REQUIRED = List.of("source_id", "area", "topic", "title", "kind", "source_url", "recorded");

    record Offers(Map<String, List<Service>> services, Map<String, List<Entitlement>> entitlements,
                  Map<String, List<AuthorityRoute>> routes, Map<String, List<CouncilTaxScheme>> councilTax) {
        int size(Map<String, ? extends List<?>> m) { return m.values().stream().mapToInt(List::size).sum(); }
    }

    private OfferFolders() { }

    static Offers read(Importer.DataFiles files, Instant now, Vocabulary vocabulary, Map<String, Authority> authorities,
                       Predicate<String> billingCouncils, List<ImportProblem> problems) throws IOException {
        Offers out = new Offers(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (String batch : batches(files)) {
            String source = "offers/" + batch;
            OfferRows rows = new OfferRows(source, now, vocabulary, authorities);
            SourcedRows sourced = new SourcedRows(source, rows, authorities::containsKey, billingCouncils);
            out.services().put(source, read(files, source + "/services.csv", OfferRows.SERVICE_COLUMNS, SERVICE_REQUIRED, problems, rows::service));
            out.entitlements().put(source, read(files, source + "/entitlements.csv", OfferRows.ENTITLEMENT_COLUMNS, ENTITLEMENT_REQUIRED, problems, rows::entitlement));
            out.routes().put(source, read(files, source + "/authority-routes.csv", SourcedRows.ROUTE_COLUMNS,
                    List.of("authority", "route", "name", "source_url", "recorded"), problems, sourced::route));
            out.councilTax().put(source, read(files, source + "/council-tax.csv", SourcedRows.COUNCIL_TAX_COLUMNS,
                    List.of("source_id", "care_leavers_of", "reduction", "source_url", "recorded"), problems, sourced::councilTax));
        }
        return out;
    }

    /** The batch folders, one name a line ({@code #} starts a comment). */
    static List<String> batches(Importer.DataFiles files) throws IOException {
        List<String> out = new ArrayList<>();
        try (Reader r = files.open(BATCH_LIST)) {
            for (String line : new java.io.BufferedReader(r).lines().toList()) {
                String name = line.replaceFirst("#.*", "").trim();
                if (!name.isEmpty()) out.add(name);
            }
        }
        return out;
    }

    private static <T> List<T> read(Importer.DataFiles files, String name, List<String> columns, List<String> required,
                                    List<ImportProblem> problems, RowReader<T> reader) throws IOException {
        if (!files.exists(name)) return List.of();
        CsvTable t = Importer.table(files, name);
        problems.addAll(OfferRows.checkHeader(t, columns, required));
        if (t.header().contains("source_id")) Importer.checkDuplicateIds(t, problems);
        List<T> out = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            T record = reader.read(row, problems);
            if (record != null) out.add(record);
        }
        return out;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(CsvTable.Row row, List<ImportProblem> problems);
    }
}
