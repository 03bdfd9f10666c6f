package uk.localoffer.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a record came from. {@code illustrative} records were written to show how the
 * product works and are never presented as real services.
 */
public record Provenance(String source, String sourceId, Instant importedAt, LocalDate lastVerified,
                         boolean illustrative, String note) {
}
