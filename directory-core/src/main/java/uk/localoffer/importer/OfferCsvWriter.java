package uk.localoffer.importer;

import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Service;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes services and entitlements in the CSV template format, so an export can be edited and imported again. */
public final class OfferCsvWriter {
    private OfferCsvWriter() { }

    public static void services(List<Service> services, Writer writer) throws IOException {
        write(OfferRows.SERVICE_COLUMNS, services, OfferCsvWriter::cells, writer);
    }

    public static void entitlements(List<Entitlement> entitlements, Writer writer) throws IOException {
        write(OfferRows.ENTITLEMENT_COLUMNS, entitlements, OfferCsvWriter::cells, writer);
    }

    /** The header, then each record's cells in the order of the format's columns, blank where it has nothing. */
    private static <T> void write(List<String> columns, List<T> records, Function<T, Map<String, String>> cells, Writer writer) throws IOException {
        try (CsvOut out = new CsvOut(writer)) {
            out.row(columns);
            for (T r : records) {
                Map<String, String> c = cells.apply(r);
                out.row(columns.stream().map(k -> c.getOrDefault(k, "")).toList());
            }
        }
        writer.flush();
    }

    /** A service's cells in the services CSV format, by column (its first place only: the format has one). */
    public static Map<String, String> cells(Service s) {
        Map<String, String> c = new LinkedHashMap<>();
        var e = s.eligibility();
        Location place = s.locations().isEmpty() ? null : s.locations().get(0);
        c.put("id", s.id().toString());
        c.put("source_id", s.provenance().sourceId());
        c.put("name", s.name());
        c.put("name_cy", s.nameCy());
        c.put("description", s.description());
        c.put("description_cy", s.descriptionCy());
        c.put("organisation", s.organisation());
        c.put("authority", s.authorityCode());
        c.put("needs", join(s.needs()));
        c.put("care_leaver_specific", yes(s.careLeaverSpecific()));
        c.put("circumstances", join(s.circumstances()));
        c.put("age_min", str(e.ages().min()));
        c.put("age_max", str(e.ages().max()));
        c.put("statuses", join(e.statuses()));
        c.put("accepts_home_authorities", e.acceptsAnyHomeAuthority() ? "any" : join(e.acceptsHomeAuthorities()));
        c.put("residence", e.residence().kind().name().toLowerCase());
        c.put("residence_authorities", join(e.residence().authorities()));
        c.put("radius_km", str(e.residence().radiusKm()));
        c.put("catchment_wkt", e.residence().catchmentWkt());
        c.put("exclusions", join(e.exclusions()));
        c.put("threshold", s.access().threshold());
        c.put("wait_weeks", str(s.access().waitWeeks()));
        c.put("referral", s.access().referral());
        c.put("languages", join(s.languages().languages()));
        c.put("interpreter", yes(s.languages().interpreter()));
        c.put("welsh", s.languages().welsh() == LanguageSupport.WelshProvision.NONE ? "" : s.languages().welsh().name().toLowerCase());
        c.put("delivery", s.delivery().stream().map(Delivery::code).sorted().collect(Collectors.joining(";")));
        if (place != null) {
            c.put("location_name", place.name());
            c.put("address", place.address());
            c.put("postcode", place.postcode());
            c.put("lat", place.point() == null ? "" : String.valueOf(place.point().lat()));
            c.put("lon", place.point() == null ? "" : String.valueOf(place.point().lon()));
            c.put("approximate_place", yes(place.approximate()));
        }
        c.put("hours", s.hours().description());
        c.put("out_of_hours", yes(s.hours().outOfHours()));
        c.put("open_24_7", yes(s.hours().open24x7()));
        c.put("cost", s.cost());
        c.put("phone", String.join(";", s.contact().phones()));
        c.put("email", s.contact().email());
        c.put("website", s.contact().website());
        c.put("last_verified", str(s.provenance().lastVerified()));
        c.put("provenance", s.provenance().illustrative() ? "illustrative" : "sourced");
        c.put("source_note", s.provenance().note());
        source(c, s.provenance());
        c.put("nations", s.nations().stream().map(uk.localoffer.domain.Nation::label).sorted().collect(Collectors.joining(";")));
        return c;
    }

    /** An entitlement's cells in the entitlements CSV format, by column. */
    public static Map<String, String> cells(Entitlement e) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", e.id().toString());
        c.put("source_id", e.provenance().sourceId());
        c.put("authority", e.authorityCode());
        c.put("nation", e.nation() == null ? null : e.nation().label());
        c.put("area", e.area().code());
        c.put("topic", e.topic());
        c.put("amount_gbp", str(e.amountGbp()));
        c.put("title", e.title());
        c.put("title_cy", e.titleCy());
        c.put("detail", e.detail());
        c.put("kind", e.statutory() ? "statutory" : "discretionary");
        c.put("amount", e.amount());
        c.put("age_min", str(e.ages().min()));
        c.put("age_max", str(e.ages().max()));
        c.put("statuses", join(e.statuses()));
        c.put("conditions", e.conditions());
        c.put("applies_out_of_area", yes(e.appliesOutOfArea()));
        c.put("last_verified", str(e.provenance().lastVerified()));
        c.put("provenance", e.provenance().illustrative() ? "illustrative" : "sourced");
        c.put("source_note", e.provenance().note());
        source(c, e.provenance());
        return c;
    }

    /** A route's cells in the authority-routes CSV format (docs/sourced-data.md), by column, with its last check. */
    public static Map<String, String> cells(uk.localoffer.domain.AuthorityRoute r) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("authority", r.authorityCode());
        c.put("route", r.kind().code());
        c.put("name", r.name());
        c.put("phone", String.join(";", r.phones()));
        c.put("email", r.email());
        c.put("address", r.address());
        c.put("postcode", r.postcode());
        c.put("hours", r.hours());
        c.put("url", r.url());
        c.put("note", r.note());
        source(c, r.provenance());
        c.put("last_verified", str(r.provenance().lastVerified()));
        return c;
    }

    private static void source(Map<String, String> c, uk.localoffer.domain.Provenance p) {
        c.put("source_url", p.sourceUrl());
        c.put("page_date", str(p.pageDate()));
        c.put("recorded", str(p.recorded()));
    }

    private static String join(Collection<String> values) { return values.stream().sorted().collect(Collectors.joining(";")); }

    private static String yes(boolean b) { return b ? "yes" : "no"; }

    private static String str(Object o) { return o == null ? "" : o.toString(); }
}
