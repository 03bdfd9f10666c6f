package uk.localoffer.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a record came from. {@code illustrative} records were written to show how the
 * product works and are never presented as real services. A sourced record names the page its
 * facts come from ({@code sourceUrl}), the date that page shows ({@code pageDate}, null when it
 * shows none) and when the facts were recorded from it ({@code recorded}).
 */
public record Provenance(String source, String sourceId, Instant importedAt, LocalDate lastVerified,
                         boolean illustrative, String note, String sourceUrl, PageDate pageDate, LocalDate recorded) {

    public Provenance(String source, String sourceId, Instant importedAt, LocalDate lastVerified, boolean illustrative, String note) {
        this(source, sourceId, importedAt, lastVerified, illustrative, note, null, null, null);
    }

    public Provenance withoutImportTime() {
        return new Provenance(source, sourceId, null, lastVerified, illustrative, note, sourceUrl, pageDate, recorded);
    }

    /** The newest date anyone vouched for these facts: checked with the provider, or the page's own date. */
    public LocalDate assuredOn() {
        LocalDate page = pageDate == null ? null : pageDate.firstDay();
        if (lastVerified == null) return page;
        return page == null || lastVerified.isAfter(page) ? lastVerified : page;
    }
}
