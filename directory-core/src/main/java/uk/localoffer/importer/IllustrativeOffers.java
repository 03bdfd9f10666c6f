package uk.localoffer.importer;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the illustrative templates in data/illustrative/ once per authority where their
 * {@code applies_when} holds, so every authority has a believable offer grounded in what its
 * May 2022 review row says. The rows produced are read by {@link OfferRows} like any other.
 */
public final class IllustrativeOffers {
    private final List<Authority> authorities;
    private final Map<String, Set<String>> reviewFlags = new LinkedHashMap<>();

    public IllustrativeOffers(List<Authority> authorities, List<ReviewRow> reviewRows) {
        this.authorities = authorities;
        for (ReviewRow r : reviewRows)
            for (String code : r.authorityCodes())
                for (String flag : ReviewRow.FLAGS)
                    if (r.says(flag)) reviewFlags.computeIfAbsent(code, k -> new HashSet<>()).add(flag);
    }

    /** The illustrative services and entitlements of every authority, from data/illustrative/'s templates. */
    Offers read(DataFiles files, OfferRows rows, List<ImportProblem> problems) throws IOException {
        Offers out = Offers.empty();
        out.services().put(Importer.ILLUSTRATIVE_SOURCE, expand(files, "service", OfferRows.SERVICE_COLUMNS, List.of("name", "description", "needs"),
                problems, (r, p) -> { Service s = rows.service(r, p); return s == null ? null : approximatePlaces(s); }));
        out.entitlements().put(Importer.ILLUSTRATIVE_SOURCE, expand(files, "entitlement", OfferRows.ENTITLEMENT_COLUMNS,
                List.of("area", "title", "kind"), problems, rows::entitlement));
        return out;
    }

    /** The records of illustrative/KIND-templates.csv, each template read once per authority it applies to. */
    private <T> List<T> expand(DataFiles files, String kind, List<String> columns, List<String> required, List<ImportProblem> problems,
                               FileFormat.RowReader<T> reader) throws IOException {
        CsvTable templates = files.table("illustrative/" + kind + "-templates.csv");
        List<String> all = new ArrayList<>(List.of("template_id", "applies_when"));
        all.addAll(required);
        all.addAll(List.of("provenance", "source_note"));
        problems.addAll(FileFormat.checkHeader(templates, templateColumns(columns), all));
        List<T> out = new ArrayList<>();
        for (CsvTable.Row r : expand(templates, problems)) {
            T record = reader.read(r, problems);
            if (record != null) out.add(record);
        }
        return out;
    }

    /** A template has the columns of its format, less source_id and authority (written for each authority), plus template_id and applies_when. */
    private static List<String> templateColumns(List<String> columns) {
        List<String> out = new ArrayList<>(columns);
        out.removeAll(List.of("source_id", "authority"));
        out.addAll(List.of("template_id", "applies_when"));
        return out;
    }

    /** Every place of an illustrative service is approximate: placed near its authority's centre. */
    private static Service approximatePlaces(Service s) {
        return s.withLocations(s.locations().stream().map(l -> new Location(l.name(), l.address(), l.postcode(), l.point(), true)).toList());
    }

    /** Rows of the services or entitlements format, one per template and authority it applies to. */
    public List<CsvTable.Row> expand(CsvTable templates, List<ImportProblem> problems) {
        List<CsvTable.Row> out = new ArrayList<>();
        for (CsvTable.Row t : templates.rows()) {
            String id = t.get("template_id");
            if (id.isEmpty()) { problems.add(ImportProblem.error(t.file(), t.line(), "template_id", "is required but blank")); continue; }
            if (!"illustrative".equals(t.get("provenance")))
                problems.add(ImportProblem.error(t.file(), t.line(), "provenance", "templates write illustrative records: must be 'illustrative'"));
            List<Condition> when;
            try {
                when = conditions(t.get("applies_when"));
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.error(t.file(), t.line(), "applies_when", e.getMessage()));
                continue;
            }
            for (Authority a : authorities) {
                if (!when.stream().allMatch(c -> c.holds(a, reviewFlags.getOrDefault(a.code(), Set.of())))) continue;
                Map<String, String> cells = new LinkedHashMap<>();
                t.cells().forEach((k, v) -> {
                    if (!k.equals("template_id") && !k.equals("applies_when"))
                        cells.put(k, v.replace("{authority}", a.commonName()).replace("{authority_cy}",
                                a.nameCy() == null || a.nameCy().isBlank() ? a.commonName() : a.nameCy()));
                });
                cells.put("source_id", id + ":" + a.code());
                cells.put("authority", a.code());
                if (cells.containsKey("delivery") && cells.getOrDefault("lat", "").isBlank() && needsPlace(cells.get("delivery"))) {
                    GeoPoint p = placeNear(a, id);
                    cells.put("lat", String.format(java.util.Locale.ROOT, "%.5f", p.lat()));
                    cells.put("lon", String.format(java.util.Locale.ROOT, "%.5f", p.lon()));
                    cells.putIfAbsent("location_name", "");
                    if (cells.get("location_name").isBlank()) cells.put("location_name", "Illustrative place in " + a.commonName());
                }
                out.add(new CsvTable.Row(t.file(), t.line(), cells));
            }
        }
        return out;
    }

    private static boolean needsPlace(String delivery) {
        return delivery.isBlank() || delivery.contains("in_person");
    }

    /** A deterministic point near the authority's centre, inside a small share of its area. */
    static GeoPoint placeNear(Authority a, String templateId) {
        int h = (templateId + ":" + a.code()).hashCode() & 0x7fffffff;
        double reachKm = Math.min(3.0, 0.25 * Math.sqrt(a.areaKm2() == null ? 25 : a.areaKm2()));
        double km = reachKm * (0.2 + 0.8 * ((h >>> 9) % 1000) / 1000.0);
        double bearing = Math.toRadians(h % 360);
        double dLat = km * Math.cos(bearing) / 111.2;
        double dLon = km * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(a.centroid().lat())));
        return new GeoPoint(a.centroid().lat() + dLat, a.centroid().lon() + dLon);
    }

    private interface Condition {
        boolean holds(Authority a, Set<String> flags);
    }

    static List<Condition> conditions(String text) {
        List<Condition> out = new ArrayList<>();
        if (text.isBlank()) throw new IllegalArgumentException("is required: all, nation=..., kind=..., review:FLAG, joined by ' & '");
        for (String raw : text.split("&")) {
            String part = raw.trim();
            boolean negate = part.startsWith("not ");
            if (negate) part = part.substring(4).trim();
            Condition c;
            if (part.equals("all")) {
                c = (a, f) -> true;
            } else if (part.startsWith("nation=")) {
                String nation = part.substring(7);
                if (!nation.equals("England") && !nation.equals("Wales")) throw new IllegalArgumentException("unknown nation '" + nation + "'");
                c = (a, f) -> a.nation().label().equals(nation);
            } else if (part.startsWith("kind=")) {
                String kind = part.substring(5);
                c = (a, f) -> a.kind().equals(kind);
            } else if (part.startsWith("review:")) {
                String flag = part.substring(7);
                if (!ReviewRow.FLAGS.contains(flag)) throw new IllegalArgumentException("unknown review flag '" + flag + "'");
                c = (a, f) -> f.contains(flag);
            } else {
                throw new IllegalArgumentException("cannot read condition '" + part + "'");
            }
            out.add(negate ? (a, f) -> !c.holds(a, f) : c);
        }
        return out;
    }
}
