package uk.localoffer.server.pages;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Provenance;
import uk.localoffer.match.Exclusion;
import uk.localoffer.match.Ranking;
import uk.localoffer.server.text.MatchText;
import uk.localoffer.server.text.SourceText;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a template needs to say things in the page's language: the pages' messages, the matcher's
 * reasons and warnings, the vocabulary's labels, ages, language and council names, sources and
 * dates. {@code directory} is null only for the error pages, which use messages alone.
 */
record Words(String lang, Directory directory, MatchText text) {
    static Words of(String lang) { return new Words(lang, null, null); }

    boolean cy() { return "cy".equals(lang); }

    /** The other language, for the switch. */
    String other() { return cy() ? "en" : "cy"; }

    String get(String key) { return Messages.get(lang, key); }

    /** A message with values ({@code java.util.Formatter}: %s, %d). */
    String f(String key, Object... values) { return String.format(Locale.ROOT, get(key), values); }

    /** A vocabulary label: need, status, circumstance, threshold, delivery, urgency, area. */
    String label(String kind, String code) { return directory.vocabulary().label(kind, code, lang); }

    String need(String code) { return label("need", code); }

    String language(String code) { return MatchText.languageName(code, lang); }

    String ages(AgeRange r) { return MatchText.ages(r, lang); }

    String authority(String code) { return directory.authority(code).map(a -> a.name(lang)).orElse(code); }

    String name(Authority a) { return a.name(lang); }

    List<String> reasons(Ranking.Scored s) { return text.reasons(s.reasons(), lang); }

    List<String> warnings(Ranking.Scored s) { return text.warnings(s.warnings(), lang); }

    List<String> exclusions(List<Exclusion> es) { return text.exclusions(es, lang); }

    /** "From Surrey County Council's page, updated April 2024, recorded 3 December 2026". */
    String source(Provenance p) { return SourceText.of(p, directory, lang); }

    String date(LocalDate d) { return SourceText.date(d, lang); }

    /** The link a phone number as published opens: {@code tel:} to call it, {@code sms:} for "text 85258"; null when it has no digits. */
    static String phoneHref(String phone) {
        if (phone == null) return null;
        String d = phone.replaceAll("[^0-9+]", "");
        if (d.isEmpty()) return null;
        return (phone.strip().toLowerCase(java.util.Locale.ROOT).startsWith("text") ? "sms:" : "tel:") + d;
    }

    /** The language switch's link back to this page. */
    String switchHref(String here) { return "/language?to=" + other() + "&back=" + Html.url(here); }

    /** "Guildford Borough Council, in Surrey". */
    String inCounty(String district, Authority county) { return f("place.in", district, county.name(lang)); }

    /** Labels of codes of a kind, sorted, joined with commas; null when there are none (no empty rows). */
    String labels(String kind, java.util.Collection<String> codes) {
        if (codes.isEmpty()) return null;
        return String.join(", ", codes.stream().map(c -> label(kind, c)).sorted().toList());
    }

    /** Whose care leavers a service takes. */
    String homes(uk.localoffer.domain.Eligibility e) {
        return e.acceptsAnyHomeAuthority() ? get("home.any") : String.join(", ", e.acceptsHomeAuthorities().stream().map(this::authority).sorted().toList());
    }

    /** Where someone must live to use a service. */
    String residence(uk.localoffer.domain.Eligibility e) {
        var r = e.residence();
        return switch (r.kind()) {
            case NATIONAL -> get("anywhere");
            case AUTHORITIES -> String.join(", ", r.authorities().stream().map(this::authority).sorted().toList());
            case RADIUS -> f("area.radius", Math.round(r.radiusKm()));
            case CATCHMENT -> get("area.catchment");
        };
    }

    /** The languages a service is delivered in, by name, and whether it has interpreters. */
    String languages(uk.localoffer.domain.LanguageSupport l) {
        String names = String.join(", ", l.languages().stream().map(this::language).sorted().toList());
        return l.interpreter() ? names + get("languages.interpreters") : names;
    }

    /** Ways a service can be used, by name. */
    String ways(java.util.Set<uk.localoffer.domain.Delivery> ds) {
        return labels("delivery", ds.stream().map(uk.localoffer.domain.Delivery::code).toList());
    }

    /** A place: its name, address and postcode, and whether it is approximate. */
    String place(uk.localoffer.domain.Location l) {
        String where = String.join(", ", java.util.stream.Stream.of(l.name(), l.address(), l.postcode()).filter(java.util.Objects::nonNull).toList());
        return l.approximate() ? where + " " + get("approximate") : where;
    }

    /** What a service costs, and who pays; null when it is free. */
    String cost(uk.localoffer.domain.Service s) {
        var c = s.accessCost();
        return c == null ? null : f("cost." + c.payer().code(), c.text());
    }

    /** How to get in: the threshold, and the referral route in the provider's words. */
    String threshold(uk.localoffer.domain.Access a) {
        return a.threshold() == null ? null : label("threshold", a.threshold());
    }

    String waitWeeks(uk.localoffer.domain.Access a) {
        return a.waitWeeks() == null ? null : f("wait", a.waitWeeks());
    }

    String hours(uk.localoffer.domain.Hours h) {
        return h.open24x7() ? get("hours.24x7") : h.description();
    }

    /** A billing council by its official name (a district), else the authority's name. */
    String billingCouncil(String code) {
        return directory.districtCouncils().council(code).map(d -> d.officialName()).orElseGet(() -> authority(code));
    }

    /** {@code lang="en"} for a record's text that has no Welsh version, on a Welsh page (WCAG 3.1.2); null (no attribute) otherwise. */
    String englishIf(String welsh) { return cy() && (welsh == null || welsh.isBlank()) ? "en" : null; }

    /** The example postcode of the form's hint: a Cardiff one on Welsh pages, a Liverpool one on English pages. */
    String examplePostcode() { return get("postcode.example"); }
}
