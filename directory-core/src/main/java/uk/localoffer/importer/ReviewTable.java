package uk.localoffer.importer;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.ReviewRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links the rows of the May 2022 review of care leavers' emotional wellbeing support (as
 * published, names and all) to GSS codes: first by the documented links for merged, renamed
 * and joint authorities, then by name with the council words taken away.
 */
public final class ReviewTable {
    public static final List<String> COLUMNS = List.of("local_authority", "basic_support", "generic_mh_access", "charity_mh_provision",
            "dedicated_mh_workers", "commissioned_services", "extended_camhs", "mentoring", "wider_wellbeing",
            "cla_per_10000_2021", "ofsted_rating");
    private static final Set<String> COUNCIL_WORDS = Set.of("council", "city", "borough", "metropolitan", "district", "county",
            "london", "of", "the", "corporation", "royal", "childrens", "children", "trust", "social", "care", "unitary", "authority");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");

    /** A documented link from a published name to authorities (none: the row is not an authority). */
    public record Link(List<String> codes, String reason) { }

    private final Map<String, Link> links;
    private final Map<String, String> byName = new HashMap<>();

    public ReviewTable(Map<String, Link> links, List<Authority> authorities) {
        this.links = Map.copyOf(links);
        for (Authority a : authorities) {
            String key = normalise(a.name());
            if (!key.isEmpty()) byName.put(key, a.code());
        }
    }

    /** Reads the links file (review_name, gss_codes, reason). */
    public static Map<String, Link> links(CsvTable table, Set<String> knownCodes, List<ImportProblem> problems) {
        Map<String, Link> out = new LinkedHashMap<>();
        for (CsvTable.Row r : table.rows()) {
            List<String> codes = new ArrayList<>();
            for (String c : r.get("gss_codes").split(";")) {
                if (c.isBlank()) continue;
                if (!knownCodes.contains(c.trim())) problems.add(ImportProblem.error(table.file(), r.line(), "gss_codes", "unknown authority GSS code '" + c.trim() + "'"));
                codes.add(c.trim());
            }
            out.put(r.get("review_name"), new Link(codes, r.get("reason")));
        }
        return out;
    }

    static String normalise(String name) {
        String s = PARENTHESES.matcher(name.toLowerCase()).replaceAll(" ")
                .replace("&", " and ").replace("'", "").replace("’", "")
                .replaceAll("[^a-z ]", " ");
        StringBuilder out = new StringBuilder();
        for (String w : s.trim().split("\\s+")) {
            if (w.isEmpty() || COUNCIL_WORDS.contains(w)) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(w);
        }
        return out.toString();
    }

    /** Every row, linked where possible; an unlinked row carries the reason in its link note. */
    public List<ReviewRow> rows(CsvTable table, List<ImportProblem> problems) {
        problems.addAll(FileFormat.checkHeader(table, COLUMNS, COLUMNS));
        List<ReviewRow> out = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            String raw = r.get("local_authority");
            if (raw.isEmpty()) {
                problems.add(ImportProblem.error(table.file(), r.line(), "local_authority", "is blank"));
                continue;
            }
            Map<String, String> flags = new LinkedHashMap<>();
            for (String flag : ReviewRow.FLAGS) {
                String v = r.get(flag);
                flags.put(flag, v);
                if (!v.toUpperCase().startsWith("Y") && !v.equalsIgnoreCase("N"))
                    problems.add(ImportProblem.warning(table.file(), r.line(), flag, "value '" + v + "' is neither Y nor N; read as N"));
                else if (v.length() > 1 && !v.equalsIgnoreCase("N"))
                    problems.add(ImportProblem.warning(table.file(), r.line(), flag, "value '" + v + "' read as Y, kept as published"));
            }
            List<String> codes;
            String note;
            Link link = links.get(raw);
            if (link != null) {
                codes = link.codes();
                note = link.reason();
            } else {
                String code = byName.get(normalise(raw));
                codes = code == null ? List.of() : List.of(code);
                note = code == null ? "no authority has this name, and no documented link exists" : null;
            }
            if (codes.isEmpty())
                problems.add(ImportProblem.warning(table.file(), r.line(), "local_authority", "'" + raw + "' not linked: " + note));
            out.add(new ReviewRow(r.line(), raw, flags, r.get("cla_per_10000_2021"), r.get("ofsted_rating"), codes, note));
        }
        return out;
    }
}
