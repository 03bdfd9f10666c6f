package uk.localoffer.importer;

import uk.localoffer.domain.Vocabulary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads typed values from one CSV row, collecting a problem (file, line, field) for every
 * value that is missing or malformed instead of stopping at the first.
 */
final class FieldReader {
    static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{7,20}$");
    private static final Pattern TEXT_NUMBER = Pattern.compile("^text [0-9][0-9 ]{4,14}$");
    private static final Pattern SHORT_CODE = Pattern.compile("^(1[0-9]{2}|116 ?[0-9]{3}|999)$");

    private final CsvTable.Row row;
    private final List<ImportProblem> problems;

    FieldReader(CsvTable.Row row, List<ImportProblem> problems) {
        this.row = row;
        this.problems = problems;
    }

    void error(String field, String message) {
        problems.add(ImportProblem.error(row.file(), row.line(), field, message));
    }

    void warning(String field, String message) {
        problems.add(ImportProblem.warning(row.file(), row.line(), field, message));
    }

    boolean has(String field) { return row.has(field); }

    /** A web address that must be there: a sourced fact's page. */
    String requiredUrl(String field) {
        if (text(field) == null) { error(field, "is required: the web page this fact comes from"); return null; }
        return url(field);
    }

    String text(String field) {
        String v = row.get(field);
        return v.isEmpty() ? null : v;
    }

    String required(String field) {
        String v = text(field);
        if (v == null) error(field, "is required but blank");
        return v;
    }

    Integer integer(String field, int min, int max) {
        String v = text(field);
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) { error(field, "must be between " + min + " and " + max + ", got " + n); return null; }
            return n;
        } catch (NumberFormatException e) {
            error(field, "must be a whole number, got '" + v + "'");
            return null;
        }
    }

    Double decimal(String field, double min, double max) {
        String v = text(field);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) { error(field, "must be between " + min + " and " + max + ", got " + v); return null; }
            return d;
        } catch (NumberFormatException e) {
            error(field, "must be a number, got '" + v + "'");
            return null;
        }
    }

    boolean bool(String field) {
        String v = row.get(field).toLowerCase();
        return switch (v) {
            case "", "no", "n", "false" -> false;
            case "yes", "y", "true" -> true;
            default -> { error(field, "must be yes or no, got '" + row.get(field) + "'"); yield false; }
        };
    }

    Set<String> list(String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : row.get(field).split(";")) if (!part.isBlank()) out.add(part.trim());
        return out;
    }

    Set<String> codes(String field, String kind, Vocabulary vocabulary) {
        Set<String> out = list(field);
        for (String c : out) if (!vocabulary.has(kind, c)) error(field, "unknown " + kind + " code '" + c + "'");
        out.removeIf(c -> !vocabulary.has(kind, c));
        return out;
    }

    String code(String field, String kind, Vocabulary vocabulary) {
        String v = text(field);
        if (v != null && !vocabulary.has(kind, v)) { error(field, "unknown " + kind + " code '" + v + "'"); return null; }
        return v;
    }

    Set<String> authorities(String field, Predicate<String> known) {
        Set<String> out = list(field);
        for (String c : out) if (!known.test(c)) error(field, "unknown authority GSS code '" + c + "'");
        return out;
    }

    Set<String> languages(String field) {
        Set<String> out = list(field);
        for (String c : out) if (!uk.localoffer.domain.LanguageSupport.isCode(c)) error(field, "'" + c + "' is not an ISO 639-1 language code (two lower-case letters)");
        return out;
    }

    /** A date as YYYY-MM-DD, not after tomorrow. */
    LocalDate date(String field, LocalDate today) {
        String v = text(field);
        if (v == null) return null;
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isAfter(today.plusDays(1))) error(field, "is in the future: " + v);
            return d;
        } catch (DateTimeParseException e) {
            error(field, "must be a date as YYYY-MM-DD, got '" + v + "'");
            return null;
        }
    }

    java.util.UUID uuid(String field) {
        String v = text(field);
        if (v == null) return null;
        try {
            java.util.UUID u = java.util.UUID.fromString(v);
            if (u.toString().equalsIgnoreCase(v)) return u;
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        error(field, "must be a UUID like 3f2b1c9e-0d4a-4b8e-9a51-2c7d6e8f9a10, got '" + v + "'");
        return null;
    }

    String postcode(String field) {
        String v = text(field);
        if (v == null) return null;
        String norm = v.toUpperCase().replaceAll("\\s+", "");
        if (!POSTCODE.matcher(norm).matches()) { error(field, "'" + v + "' is not a UK postcode"); return null; }
        return norm.substring(0, norm.length() - 3) + " " + norm.substring(norm.length() - 3);
    }

    String email(String field) {
        String v = text(field);
        if (v != null && !EMAIL.matcher(v).matches()) { error(field, "'" + v + "' is not an email address"); return null; }
        return v;
    }

    String phone(String field) {
        String v = text(field);
        if (v != null && !PHONE.matcher(v).matches()) { error(field, "'" + v + "' is not a phone number"); return null; }
        return v;
    }

    /** Phone numbers as published, {@code ;} between them; a text-only number is written "text 85258". */
    java.util.List<String> phones(String field) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : list(field)) {
            if (!(PHONE.matcher(p).matches() || TEXT_NUMBER.matcher(p).matches() || SHORT_CODE.matcher(p).matches())) {
                error(field, "'" + p + "' is not a phone number (digits and spaces, a short code like 111, or 'text 85258')");
                continue;
            }
            String digits = p.replaceAll("[^0-9]", "");
            if (digits.matches("0[237][0-9]*") && digits.length() != 11) {
                error(field, "'" + p + "' looks incomplete: UK numbers starting 02, 03 or 07 have 11 digits");
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** A page's date as YYYY-MM-DD or YYYY-MM, not after tomorrow. */
    uk.localoffer.domain.PageDate pageDate(String field, LocalDate today) {
        String v = text(field);
        if (v == null) return null;
        try {
            uk.localoffer.domain.PageDate d = uk.localoffer.domain.PageDate.parse(v);
            if (d.firstDay().isAfter(today.plusDays(1))) { error(field, "is in the future: " + v); return null; }
            return d;
        } catch (IllegalArgumentException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    String url(String field) {
        String v = text(field);
        if (v == null) return null;
        try {
            java.net.URI u = new java.net.URI(v);
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null || !u.getHost().contains(".")) {
                error(field, "'" + v + "' is not a web address (http or https with a host)");
                return null;
            }
            return v;
        } catch (java.net.URISyntaxException e) {
            error(field, "'" + v + "' is not a web address");
            return null;
        }
    }
}
