package uk.localoffer.upkeep;

import uk.localoffer.importer.ImportProblem;

import java.util.List;

/**
 * A write that changed nothing, and why: the record is not there, is another authority's, has
 * changed since the version the writer read, or the body has errors (each with its field).
 */
public final class WriteRefused extends RuntimeException {
    public enum Reason { NOT_FOUND, FORBIDDEN, PRECONDITION_FAILED, INVALID }

    public final Reason reason;
    /** The field (or header) at fault: the first problem's, for an invalid body. */
    public final String field;
    public final List<ImportProblem> problems;

    private WriteRefused(Reason reason, String field, String detail, List<ImportProblem> problems) {
        super(detail);
        this.reason = reason;
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    static WriteRefused notFound(String detail) { return new WriteRefused(Reason.NOT_FOUND, null, detail, List.of()); }

    static WriteRefused forbidden(String field, String detail) { return new WriteRefused(Reason.FORBIDDEN, field, detail, List.of()); }

    static WriteRefused forbidden(String field, String detail, List<ImportProblem> problems) {
        return new WriteRefused(Reason.FORBIDDEN, field, detail, problems);
    }

    static WriteRefused stale(String header, String detail) { return new WriteRefused(Reason.PRECONDITION_FAILED, header, detail, List.of()); }

    /** The body's errors: the first names the field; all are listed. */
    static WriteRefused invalid(List<ImportProblem> errors) {
        ImportProblem first = errors.get(0);
        String detail = errors.size() == 1 ? first.message() : first.message() + " (and " + (errors.size() - 1) + " more: see errors)";
        return new WriteRefused(Reason.INVALID, first.field() == null ? "body" : first.field(), detail, errors);
    }
}
