package uk.localoffer.importer;

import uk.localoffer.store.Changes;
import uk.localoffer.store.Writer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four CSV formats an offer comes in (docs/data-format.md, docs/sourced-data.md): each with
 * its file name in a batch folder, its columns, the columns any file must have and those a
 * sourced batch must have, how its rows are read and how its records are written.
 */
enum FileFormat {
    SERVICES("services", "services.csv", OfferRows.SERVICE_COLUMNS, List.of("source_id", "name", "description", "needs"),
            List.of("source_id", "name", "description", "needs", "source_url", "recorded"), true) {
        @Override void read(CsvTable t, Rows rows, Offers into, String source, List<ImportProblem> problems) {
            add(into.services(), source, t, problems, rows.offers()::service);
        }

        @Override Changes write(Writer w, Offers offers, String source, long run) throws SQLException {
            return w.replaceServices(source, offers.services().getOrDefault(source, List.of()), run);
        }
    },
    ENTITLEMENTS("entitlements", "entitlements.csv", OfferRows.ENTITLEMENT_COLUMNS, List.of("source_id", "area", "title", "kind"),
            List.of("source_id", "area", "topic", "title", "kind", "source_url", "recorded"), true) {
        @Override void read(CsvTable t, Rows rows, Offers into, String source, List<ImportProblem> problems) {
            add(into.entitlements(), source, t, problems, rows.offers()::entitlement);
        }

        @Override Changes write(Writer w, Offers offers, String source, long run) throws SQLException {
            return w.replaceEntitlements(source, offers.entitlements().getOrDefault(source, List.of()), run);
        }
    },
    COUNCIL_TAX("council tax schemes", "council-tax.csv", SourcedRows.COUNCIL_TAX_COLUMNS,
            List.of("source_id", "care_leavers_of", "reduction", "source_url", "recorded"),
            List.of("source_id", "care_leavers_of", "reduction", "source_url", "recorded"), true) {
        @Override void read(CsvTable t, Rows rows, Offers into, String source, List<ImportProblem> problems) {
            add(into.councilTax(), source, t, problems, rows.sourced()::councilTax);
        }

        @Override Changes write(Writer w, Offers offers, String source, long run) throws SQLException {
            return w.replaceCouncilTax(source, offers.councilTax().getOrDefault(source, List.of()), run);
        }
    },
    ROUTES("authority routes", "authority-routes.csv", SourcedRows.ROUTE_COLUMNS, List.of("authority", "route", "name", "source_url", "recorded"),
            List.of("authority", "route", "name", "source_url", "recorded"), false) {
        @Override void read(CsvTable t, Rows rows, Offers into, String source, List<ImportProblem> problems) {
            add(into.routes(), source, t, problems, rows.sourced()::route);
        }

        @Override Changes write(Writer w, Offers offers, String source, long run) throws SQLException {
            return w.replaceRoutes(source, offers.routes().getOrDefault(source, List.of()));
        }
    };

    /** The row readers of one source. */
    record Rows(OfferRows offers, SourcedRows sourced) { }

    @FunctionalInterface
    interface RowReader<T> {
        T read(CsvTable.Row row, List<ImportProblem> problems);
    }

    /** A format's columns: those it may have, those any file must have, and those a sourced batch must have. */
    private record Columns(List<String> allowed, List<String> required, List<String> requiredSourced) { }

    /** What the records are called in reports ("council tax schemes"). */
    final String label;
    /** The file's name in a batch folder of the default dataset. */
    final String fileName;
    private final Columns columns;
    private final boolean uniqueSourceIds;

    FileFormat(String label, String fileName, List<String> allowed, List<String> required, List<String> requiredSourced, boolean uniqueSourceIds) {
        this.label = label;
        this.fileName = fileName;
        this.columns = new Columns(allowed, required, requiredSourced);
        this.uniqueSourceIds = uniqueSourceIds;
    }

    /** The format of a file by its header: a route column, care_leavers_of, an area, else services. */
    static FileFormat of(List<String> header) {
        if (header.contains("route")) return ROUTES;
        if (header.contains("care_leavers_of")) return COUNCIL_TAX;
        if (header.contains("area")) return ENTITLEMENTS;
        return SERVICES;
    }

    /** Checks the header, reads every row into {@code into} and checks that source ids are unique; problems are added. */
    void readChecked(CsvTable t, boolean sourced, Rows rows, Offers into, String source, List<ImportProblem> problems) {
        problems.addAll(checkHeader(t, columns.allowed(), sourced ? columns.requiredSourced() : columns.required()));
        read(t, rows, into, source, problems);
        if (uniqueSourceIds) checkUniqueSourceIds(t, problems);
    }

    abstract void read(CsvTable t, Rows rows, Offers into, String source, List<ImportProblem> problems);

    /** Makes the source's records of this kind exactly those in {@code offers}. */
    abstract Changes write(Writer w, Offers offers, String source, long run) throws SQLException;

    private static <T> void add(Map<String, List<T>> bySource, String source, CsvTable t, List<ImportProblem> problems, RowReader<T> reader) {
        List<T> list = bySource.computeIfAbsent(source, k -> new ArrayList<>());
        for (CsvTable.Row row : t.rows()) {
            T record = reader.read(row, problems);
            if (record != null) list.add(record);
        }
    }

    /** Checks the header: required columns present, no unknown ones. */
    static List<ImportProblem> checkHeader(CsvTable table, List<String> allowed, List<String> required) {
        List<ImportProblem> out = new ArrayList<>();
        for (String h : table.header())
            if (!allowed.contains(h)) out.add(ImportProblem.error(table.file(), 1, h, "unknown column (allowed: " + String.join(", ", allowed) + ")"));
        for (String r : required)
            if (!table.header().contains(r)) out.add(ImportProblem.error(table.file(), 1, r, "required column is missing"));
        return out;
    }

    private static void checkUniqueSourceIds(CsvTable t, List<ImportProblem> problems) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows()) {
            Integer first = seen.putIfAbsent(r.get("source_id"), r.line());
            if (first != null && !r.get("source_id").isEmpty())
                problems.add(ImportProblem.error(t.file(), r.line(), "source_id", "'" + r.get("source_id") + "' is already used on line " + first));
        }
    }
}
