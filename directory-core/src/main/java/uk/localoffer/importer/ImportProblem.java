package uk.localoffer.importer;

/**
 * One thing wrong with an input: where (file, line or JSON path), which field, and what.
 * Errors stop an import; warnings are reported and the record is still imported.
 */
public record ImportProblem(Severity severity, String file, String where, String field, String message) {
    public enum Severity { ERROR, WARNING }

    public static ImportProblem error(String file, int line, String field, String message) {
        return new ImportProblem(Severity.ERROR, file, "line " + line, field, message);
    }

    public static ImportProblem warning(String file, int line, String field, String message) {
        return new ImportProblem(Severity.WARNING, file, "line " + line, field, message);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    @Override
    public String toString() {
        return (isError() ? "error" : "warning") + ": " + file + ", " + where + (field == null ? "" : ", field " + field) + ": " + message;
    }
}
