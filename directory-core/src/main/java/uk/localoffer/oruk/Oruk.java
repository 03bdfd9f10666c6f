package uk.localoffer.oruk;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes services in Open Referral UK 3.0 shapes ({@link OrukJson}). Care-leaver fields the
 * standard lacks are given twice: as attributes linking to taxonomy terms (needs, circumstances,
 * threshold, delivery, languages) and in the documented extension object {@code x_local_offer}.
 */
public final class Oruk {
    /** The taxonomies this directory publishes, by the vocabulary kind they come from. */
    public static final List<String> TAXONOMIES = List.of("need", "circumstance", "threshold", "delivery", "status");

    private final Vocabulary vocabulary;
    private final Function<String, Authority> authorities;
    private final int staleMonths;
    private final Clock clock;

    /** {@code clock}: the day a record's staleness is counted to. */
    public Oruk(Vocabulary vocabulary, Function<String, Authority> authorities, int staleMonths, Clock clock) {
        this.vocabulary = vocabulary;
        this.authorities = authorities;
        this.staleMonths = staleMonths;
        this.clock = clock;
    }

    public static UUID uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static String id(String... parts) { return uuid(parts).toString(); }

    public static UUID taxonomyId(String kind) { return uuid("taxonomy", kind); }

    public static UUID termId(String kind, String code) { return uuid("taxonomy_term", kind, code); }

    public static UUID organizationId(String name) { return uuid("organization", name.toLowerCase()); }

    /** The id of a service's {@code i}th place as an ORUK service_at_location. */
    public static UUID serviceAtLocationId(Service s, int i) { return uuid("service_at_location", s.id().toString(), String.valueOf(i)); }

    public OrukJson.Taxonomy taxonomy(String kind) {
        return new OrukJson.Taxonomy(taxonomyId(kind).toString(), "Care leaver " + kind + " codes",
                "Codes of kind '" + kind + "' from this directory's vocabulary (data/vocabulary.csv).", "1");
    }

    public OrukJson.Term term(String kind, Vocabulary.Term v, String lang) {
        String parent = v.parent() != null && !v.parent().isBlank() ? termId(kind, v.parent()).toString() : null;
        return new OrukJson.Term(termId(kind, v.code()).toString(), v.label(lang), v.label(lang), parent, kind, taxonomyId(kind).toString(), v.code());
    }

    public OrukJson.Organization organization(String name) {
        return new OrukJson.Organization(organizationId(name).toString(), name, name, null);
    }

    public OrukJson.Service service(Service s, String lang, boolean full) {
        String id = s.id().toString();
        var ages = s.eligibility().ages();
        var c = s.contact();
        return new OrukJson.Service(id, s.organisation() == null ? null : organizationId(s.organisation()).toString(), s.name(lang),
                s.description(lang), c.website(), c.email(), "active", ages.min(), ages.max(), text(s.provenance().assuredOn()),
                s.provenance().illustrative() ? "Illustrative record: not a real service." : null, changedAt(s.provenance()),
                c.phones().isEmpty() ? null : phones(id, c.phones()), s.access().referral(),
                full ? schedules(s) : null, full ? List.of(serviceArea(s)) : null, full ? places(s, lang) : null, full ? languages(s) : null,
                full && s.organisation() != null ? organization(s.organisation()) : null, full ? costs(s) : null, full ? contacts(s, lang) : null,
                full ? attributes(s, lang) : null, extension(s), null);
    }

    private static List<OrukJson.Schedule> schedules(Service s) {
        if (s.hours().description() == null && !s.hours().open24x7()) return List.of();
        String id = s.id().toString();
        boolean always = s.hours().open24x7();
        return List.of(new OrukJson.Schedule(uuid("schedule", id).toString(), id, always ? "Open 24 hours, every day" : s.hours().description(),
                always ? "WEEKLY" : null, always ? "MO,TU,WE,TH,FR,SA,SU" : null, always ? "00:00" : null, always ? "23:59" : null));
    }

    private List<OrukJson.ServiceAtLocation> places(Service s, String lang) {
        List<OrukJson.ServiceAtLocation> out = new ArrayList<>();
        for (int i = 0; i < s.locations().size(); i++) out.add(serviceAtLocation(s, i, lang, false));
        return out;
    }

    private static List<OrukJson.Language> languages(Service s) {
        String id = s.id().toString();
        return s.languages().languages().stream().sorted().map(l -> new OrukJson.Language(id("language", id, l), id, languageName(l), l)).toList();
    }

    private static List<OrukJson.CostOption> costs(Service s) {
        String id = s.id().toString();
        return s.cost() == null ? List.of() : List.of(new OrukJson.CostOption(id("cost", id), id, s.cost(), s.cost()));
    }

    /** The team that answers: ORUK keeps a contact's phones and email on the contact. */
    private static List<OrukJson.Contact> contacts(Service s, String lang) {
        if (!s.contact().reachable()) return List.of();
        String id = s.id().toString(), contactId = id("contact", id);
        var c = s.contact();
        return List.of(new OrukJson.Contact(contactId, id, s.name(lang), c.email(), c.phones().isEmpty() ? null : phones(contactId, c.phones())));
    }

    public OrukJson.ServiceAtLocation serviceAtLocation(Service s, int i, String lang, boolean withService) {
        Location l = s.locations().get(i);
        String locId = id("location", s.id().toString(), String.valueOf(i));
        List<OrukJson.Address> addresses = l.address() == null || l.postcode() == null ? List.of()
                : List.of(new OrukJson.Address(id("address", locId), locId, l.address(),
                        s.authorityCode() == null ? "" : authorities.apply(s.authorityCode()).name(), "", l.postcode(), "GB", "physical"));
        OrukJson.Location loc = new OrukJson.Location(locId, "physical", l.name(),
                l.approximate() ? "Approximate place (illustrative): the exact address is not recorded." : null,
                l.point() == null ? null : l.point().lat(), l.point() == null ? null : l.point().lon(), addresses);
        return new OrukJson.ServiceAtLocation(serviceAtLocationId(s, i).toString(), s.id().toString(), locId, loc,
                withService ? service(s, lang, false) : null, null);
    }

    private OrukJson.ServiceArea serviceArea(Service s) {
        var r = s.eligibility().residence();
        String name = switch (r.kind()) {
            case NATIONAL -> "England and Wales";
            case AUTHORITIES -> String.join(", ", r.authorities().stream().sorted()
                    .map(c -> authorities.apply(c) == null ? c : authorities.apply(c).name()).toList());
            case RADIUS -> "Within " + r.radiusKm() + " km of the service";
            case CATCHMENT -> "Catchment area";
        };
        boolean catchment = r.kind() == uk.localoffer.domain.Residence.Kind.CATCHMENT;
        return new OrukJson.ServiceArea(id("service_area", s.id().toString()), s.id().toString(), name, name,
                catchment ? r.catchmentWkt() : null, catchment ? "wkt" : null);
    }

    private List<OrukJson.Attribute> attributes(Service s, String lang) {
        List<OrukJson.Attribute> out = new ArrayList<>();
        for (String n : s.needs()) out.add(attribute(s, "need", n, lang));
        for (String c : s.circumstances()) out.add(attribute(s, "circumstance", c, lang));
        if (s.access().threshold() != null) out.add(attribute(s, "threshold", s.access().threshold(), lang));
        for (Delivery d : s.delivery()) out.add(attribute(s, "delivery", d.code(), lang));
        for (String st : s.eligibility().statuses()) out.add(attribute(s, "status", st, lang));
        return out;
    }

    private OrukJson.Attribute attribute(Service s, String kind, String code, String lang) {
        Vocabulary.Term t = vocabulary.term(kind, code);
        return new OrukJson.Attribute(id("attribute", s.id().toString(), kind, code), s.id().toString(), termId(kind, code).toString(), "service",
                t == null ? null : term(kind, t, lang));
    }

    /** ORUK phone objects; a text-only number ("text 85258") becomes the number with the description "Text only". */
    static List<OrukJson.Phone> phones(String ownerId, List<String> numbers) {
        List<OrukJson.Phone> out = new ArrayList<>();
        for (String n : numbers) {
            boolean text = n.startsWith("text ");
            out.add(new OrukJson.Phone(id("phone", ownerId, n), text ? n.substring(5) : n, text ? "Text only" : null));
        }
        return out;
    }

    /** The language's English name for an ISO 639 code. */
    public static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    /** When the record's facts last changed: the day they were recorded from the source, else when it was imported. */
    static String changedAt(Provenance p) {
        if (p.recorded() != null) return p.recorded().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        return p.importedAt() == null ? null : p.importedAt().atOffset(ZoneOffset.UTC).toString();
    }

    private static String text(Object value) { return value == null ? null : value.toString(); }

    private static List<String> sorted(java.util.Collection<String> codes) { return codes.stream().sorted().toList(); }

    /** The care-leaver fields, documented in openapi.json under LocalOfferExtension. */
    public OrukJson.Extension extension(Service s) {
        var e = s.eligibility();
        var p = s.provenance();
        return new OrukJson.Extension(s.authorityCode(), s.careLeaverSpecific(), sorted(s.needs()), sorted(s.circumstances()), sorted(e.statuses()),
                e.acceptsAnyHomeAuthority() ? List.of("any") : sorted(e.acceptsHomeAuthorities()), e.residence().kind().name().toLowerCase(),
                sorted(e.residence().authorities()), sorted(e.exclusions()), s.access().threshold(), s.access().waitWeeks(), s.access().referral(),
                sorted(s.languages().languages()), s.languages().interpreter(), s.languages().welsh().name().toLowerCase(),
                s.delivery().stream().map(Delivery::code).sorted().toList(), s.hours().outOfHours(), s.hours().open24x7(), p.illustrative(),
                p.source(), p.sourceId(), s.organisation(), s.nameCy(), s.descriptionCy(), e.ages().min(), e.ages().max(), e.residence().radiusKm(),
                e.residence().catchmentWkt(), s.hours().description(), s.cost(), s.contact().phone(), s.contact().phones(),
                s.nations().stream().map(Nation::label).sorted().toList(), p.note(), p.sourceUrl(), text(p.pageDate()), text(p.recorded()),
                text(p.lastVerified()), p.verifiedBy(), isStale(s));
    }

    /** Not vouched for within the staleness limit (never counts as stale), or showing signs of being out of date. */
    public boolean isStale(Service s) {
        var f = Freshness.of(s, LocalDate.now(clock));
        return f.assuredOn() == null || f.stale(staleMonths);
    }
}
