package uk.localoffer.server.api;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.index.BrowseQuery;
import uk.localoffer.server.http.BadRequestException;
import uk.localoffer.server.http.Paging;
import uk.localoffer.server.http.Params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The filters the Open Referral UK lists (/services, /service_at_locations) share, read from the query into a {@link BrowseQuery}. */
final class BrowseRequest {
    static final Set<String> FILTERS = Set.of("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "age", "lat",
            "lon", "proximity", "language", "delivery", "authority");

    private BrowseRequest() { }

    /** The query; {@code proximity} is in metres. */
    static BrowseQuery read(Params p, Paging paging, Directory directory, Taxonomy taxonomy) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        String termId = p.text("taxonomy_term_id");
        if (termId != null) {
            Taxonomy.Term t = taxonomy.term(Taxonomy.uuid("taxonomy_term_id", termId))
                    .orElseThrow(() -> BadRequestException.parameter("taxonomy_term_id", "no taxonomy term has id " + termId));
            terms.put(t.kind(), Set.of(t.code()));
        }
        String taxonomyId = p.text("taxonomy_id");
        if (taxonomyId != null) {
            String kind = taxonomy.kind(Taxonomy.uuid("taxonomy_id", taxonomyId))
                    .orElseThrow(() -> BadRequestException.parameter("taxonomy_id", "no taxonomy has id " + taxonomyId));
            terms.putIfAbsent(kind, Set.copyOf(directory.vocabulary().codes(kind)));
        }
        String orgId = p.text("organization_id");
        String organisation = null;
        if (orgId != null) {
            UUID id = Taxonomy.uuid("organization_id", orgId);
            organisation = directory.organisation(id).orElseThrow(() -> BadRequestException.parameter("organization_id", "no organization has id " + orgId));
        }
        Instant modifiedAfter = modifiedAfter(p.text("modified_after"));
        Integer age = p.integer("age", 0, 120);
        Double lat = p.decimal("lat", -90, 90), lon = p.decimal("lon", -180, 180);
        if ((lat == null) != (lon == null)) throw BadRequestException.parameter(lat == null ? "lat" : "lon", "lat and lon must be given together");
        Integer metres = p.integer("proximity", 1, 1_000_000);
        String language = p.text("language");
        if (language != null && !LanguageSupport.isCode(language))
            throw BadRequestException.parameter("language", "language must be an ISO 639-1 code such as cy or ps, got '" + language + "'");
        Delivery delivery = delivery(p.text("delivery"));
        String authority = p.text("authority");
        if (authority != null && directory.authority(authority).isEmpty())
            throw BadRequestException.parameter("authority", "unknown authority GSS code '" + authority + "'");
        return new BrowseQuery(p.text("search"), terms, organisation, modifiedAfter, age, lat == null ? null : new GeoPoint(lat, lon),
                metres == null ? null : metres / 1000.0, language, delivery, authority, paging.page(), paging.perPage());
    }

    private static Instant modifiedAfter(String mod) {
        if (mod == null) return null;
        try {
            return mod.length() == 10 ? LocalDate.parse(mod).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(mod);
        } catch (DateTimeParseException e) {
            throw BadRequestException.parameter("modified_after", "modified_after must be a date (2026-01-31) or date-time (2026-01-31T09:00:00Z), got '" + mod + "'");
        }
    }

    private static Delivery delivery(String d) {
        if (d == null) return null;
        try {
            return Delivery.parse(d);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.parameter("delivery", e.getMessage());
        }
    }
}
