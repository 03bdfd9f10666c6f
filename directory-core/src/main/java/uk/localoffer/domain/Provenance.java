package uk.localoffer.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a record came from. {@code illustrative} records were written to show how the
 * product works and are never presented as real services. A sourced record names the page its
 * facts come from ({@code sourceUrl}), the date that page shows ({@code pageDate}, null when it
 * shows none) and when the facts were recorded from it ({@code recorded}). {@code verifiedBy} is
 * the GSS code of the authority whose key last confirmed the facts with the provider (the day is
 * {@code lastVerified}); null when they were not confirmed through the API.
 */
public record Provenance(String source, String sourceId, Instant importedAt, LocalDate lastVerified,
                         boolean illustrative, String note, String sourceUrl, PageDate pageDate, LocalDate recorded, String verifiedBy) {

    public Provenance(String source, String sourceId, Instant importedAt, LocalDate lastVerified, boolean illustrative, String note) {
        this(source, sourceId, importedAt, lastVerified, illustrative, note, null, null, null, null);
    }

    public Provenance(String source, String sourceId, Instant importedAt, LocalDate lastVerified, boolean illustrative, String note,
                      String sourceUrl, PageDate pageDate, LocalDate recorded) {
        this(source, sourceId, importedAt, lastVerified, illustrative, note, sourceUrl, pageDate, recorded, null);
    }

    public Provenance withoutImportTime() {
        return new Provenance(source, sourceId, null, lastVerified, illustrative, note, sourceUrl, pageDate, recorded, verifiedBy);
    }

    /** The same facts, kept by {@code source} under {@code sourceId}, imported at {@code at}. */
    public Provenance keptBy(String source, String sourceId, Instant at) {
        return new Provenance(source, sourceId, at, lastVerified, illustrative, note, sourceUrl, pageDate, recorded, verifiedBy);
    }

    /** Confirmed with the provider on {@code day} by the authority {@code by} (a GSS code; null when not known). */
    public Provenance verified(LocalDate day, String by) {
        return new Provenance(source, sourceId, importedAt, day, illustrative, note, sourceUrl, pageDate, recorded, by);
    }

    /** The newest date anyone vouched for these facts: checked with the provider, or the page's own date. */
    public LocalDate assuredOn() {
        LocalDate page = pageDate == null ? null : pageDate.firstDay();
        if (lastVerified == null) return page;
        return page == null || lastVerified.isAfter(page) ? lastVerified : page;
    }
}
