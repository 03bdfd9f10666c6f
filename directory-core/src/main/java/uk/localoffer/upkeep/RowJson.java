package uk.localoffer.upkeep;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.importer.ImportProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record that has a CSV form (an entitlement, a leaving care team contact) as a JSON object:
 * one field a column, lists as arrays, yes/no as booleans, whole numbers as numbers. Read back
 * into cells, it goes through the import's own checks.
 *
 * @param renames  JSON field name by column, where they differ ("phone" is "phones")
 * @param readOnly fields an answer carries that a write may send back and that are ignored
 */
record RowJson(Map<String, String> renames, Set<String> lists, Set<String> booleans, Set<String> integers, Set<String> readOnly) {

    /** The cells of a JSON object; anything else, or a field holding an object, is a problem naming it. */
    Map<String, String> cells(JsonNode body, String label, List<ImportProblem> problems) {
        Map<String, String> cells = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            problems.add(problem(label, "body", "the body must be a JSON object"));
            return cells;
        }
        for (var it = body.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = e.getKey();
            if (readOnly.contains(field)) continue;
            String column = column(field);
            JsonNode v = e.getValue();
            if (v.isNull()) cells.put(column, "");
            else if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode p : v) {
                    if (p.isContainerNode()) problems.add(problem(label, field, "must be a list of values"));
                    else parts.add(p.asText());
                }
                cells.put(column, String.join(";", parts));
            } else if (v.isBoolean()) cells.put(column, v.asBoolean() ? "yes" : "no");
            else if (v.isValueNode()) cells.put(column, v.asText());
            else problems.add(problem(label, field, "must be a value or a list of values, not an object"));
        }
        return cells;
    }

    /** The cells as the answer shows them: typed, with blank cells as null. */
    Map<String, Object> json(Map<String, String> cells) {
        Map<String, Object> out = new LinkedHashMap<>();
        cells.forEach((column, value) -> {
            String field = renames.getOrDefault(column, column);
            boolean blank = value == null || value.isEmpty();
            if (lists.contains(column)) out.put(field, blank ? List.of() : Arrays.asList(value.split(";")));
            else if (booleans.contains(column)) out.put(field, "yes".equals(value));
            else if (blank) out.put(field, null);
            else if (integers.contains(column)) out.put(field, Integer.valueOf(value));
            else out.put(field, value);
        });
        return out;
    }

    private String column(String field) {
        for (var e : renames.entrySet()) if (e.getValue().equals(field)) return e.getKey();
        return field;
    }

    static ImportProblem problem(String label, String field, String message) {
        return new ImportProblem(ImportProblem.Severity.ERROR, label, "$." + field, field, message);
    }
}
