package uk.localoffer.importer;

/** An import found errors and changed nothing. */
public final class ImportFailedException extends RuntimeException {
    private final ImportReport report;

    public ImportFailedException(ImportReport report) {
        super("import failed with " + report.errors().size() + " error(s); nothing was changed");
        this.report = report;
    }

    public ImportReport report() { return report; }
}
