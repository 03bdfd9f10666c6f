package uk.localoffer.server.api;

import java.util.List;

/**
 * The bodies of the answers about authorities' own writes: a record's history, the records due
 * for checking, and what an import did. docs: openapi.json, components/schemas.
 */
final class WriteAnswers {
    private WriteAnswers() { }

    /** The key that made a change: its id and name, and the authority it writes for. */
    record KeyRef(String keyId, String keyName, String authority) { }

    record FieldChange(String field, String before, String after) { }

    /** One change: {@code by} null when an operator's import made it (then {@code source} names the import). */
    record Change(String at, String change, String source, KeyRef by, List<FieldChange> fields) { }

    record History(String kind, String id, List<Change> changes) { }

    record DueRecord(String kind, String id, String name, String lastVerified, String lastVerifiedBy, Long monthsSinceVerified, String href) { }

    record Due(String authority, int months, String asOf, int count, List<DueRecord> records) { }

    record ImportedRecord(String id, String name, List<String> fields) { }

    record Warning(String field, String where, String detail) { }

    record ImportResult(String kind, boolean dryRun, List<ImportedRecord> added, List<ImportedRecord> changed, List<ImportedRecord> withdrawn,
                        int unchanged, List<Warning> warnings) { }
}
