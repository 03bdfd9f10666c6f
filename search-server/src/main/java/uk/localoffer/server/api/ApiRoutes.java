package uk.localoffer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.index.Browse;
import uk.localoffer.index.BrowseQuery;
import uk.localoffer.server.text.MatchText;
import uk.localoffer.directory.Directory;
import uk.localoffer.geo.Locator;
import uk.localoffer.match.MatchResult;
import uk.localoffer.geo.Place;
import uk.localoffer.match.ProfileJson;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.match.Ranking;
import uk.localoffer.store.RecordJson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The JSON API: Open Referral UK 3.0 at /api/v1 plus the matcher, authorities and postcodes.
 * Handlers parse and check the request, call core, and format; nothing here ranks or filters.
 */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";
    static final int MAX_PER_PAGE = 100, DEFAULT_PER_PAGE = 50;
    /** service_at_locations pages through at most this many services' places. */
    static final int MAX_PLACES = 100_000;
    static final Set<String> PAGING = Set.of("page", "per_page", "format");

    private final Directory directory;
    private final Vocabulary vocabulary;
    private final Oruk oruk;
    private final MatchText text;

    public ApiRoutes(Directory directory) {
        this.directory = directory;
        this.vocabulary = directory.vocabulary();
        this.text = new MatchText(vocabulary);
        this.oruk = new Oruk(vocabulary, code -> directory.authority(code).orElse(null), directory.weights().staleMonths(), directory.clock());
    }

    public void register(Routes r) {
        r.get(BASE + "/", this::apiDetails);
        r.get(BASE + "/services", this::services);
        r.get(BASE + "/services/{id}", this::service);
        r.get(BASE + "/organizations", this::organizations);
        r.get(BASE + "/organizations/{id}", this::organization);
        r.get(BASE + "/taxonomies", this::taxonomies);
        r.get(BASE + "/taxonomies/{id}", this::taxonomy);
        r.get(BASE + "/taxonomy_terms", this::taxonomyTerms);
        r.get(BASE + "/taxonomy_terms/{id}", this::taxonomyTerm);
        r.get(BASE + "/service_at_locations", this::serviceAtLocations);
        r.get(BASE + "/service_at_locations/{id}", this::serviceAtLocation);
        r.post(BASE + "/match", this::match);
        r.get(BASE + "/authorities", this::authorities);
        r.get(BASE + "/authorities/compare", this::compare);
        r.get(BASE + "/authorities/{gss}", this::authority);
        r.get(BASE + "/postcodes/{postcode}", this::postcode);
    }

    // ---- Open Referral UK ----

    private void apiDetails(Context ctx) {
        Params.of(ctx, Set.of());
        String base = ctx.scheme() + "://" + ctx.host();
        Json.send(ctx, Json.obj("version", "3.0", "profile", "https://openreferraluk.org/specifications/3.0",
                "openapi_url", base + "/openapi.json"));
    }

    private record Paging(int page, int perPage) { }

    private static Paging paging(Params p) {
        String format = p.text("format");
        if (format != null && !format.equals("json")) throw Problem.badParameter("format", "format must be json, got '" + format + "'");
        Integer page = p.integer("page", 1, 1_000_000);
        Integer per = p.integer("per_page", 1, MAX_PER_PAGE);
        return new Paging(page == null ? 1 : page, per == null ? DEFAULT_PER_PAGE : per);
    }

    private void services(Context ctx) {
        Params p = Params.of(ctx, union(PAGING, Set.of("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after",
                "minimal", "full", "age", "lat", "lon", "proximity", "language", "delivery", "authority")));
        String lang = Lang.of(ctx);
        Paging paging = paging(p);
        Browse.Page page = directory.browse().search(browseQuery(p, paging, "proximity"));
        boolean full = p.bool("full") && !p.bool("minimal");
        List<Map<String, Object>> contents = new ArrayList<>();
        for (Browse.Hit h : page.hits()) {
            Map<String, Object> m = oruk.service(h.service(), lang, full);
            if (h.distanceKm() != null) m.put("x_distance_km", round(h.distanceKm()));
            contents.add(m);
        }
        Json.send(ctx, Json.page(contents, page.total(), paging.page(), paging.perPage()));
    }

    /** The filters /services and /service_at_locations share. {@code proximityParam} is in metres. */
    private BrowseQuery browseQuery(Params p, Paging paging, String proximityParam) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        String termId = p.text("taxonomy_term_id");
        if (termId != null) {
            String[] kindCode = termById(uuid("taxonomy_term_id", termId))
                    .orElseThrow(() -> Problem.badParameter("taxonomy_term_id", "no taxonomy term has id " + termId));
            terms.put(kindCode[0], Set.of(kindCode[1]));
        }
        String taxonomyId = p.text("taxonomy_id");
        if (taxonomyId != null) {
            UUID id = uuid("taxonomy_id", taxonomyId);
            String kind = Oruk.TAXONOMIES.stream().filter(k -> Oruk.taxonomyId(k).equals(id)).findFirst()
                    .orElseThrow(() -> Problem.badParameter("taxonomy_id", "no taxonomy has id " + taxonomyId));
            terms.putIfAbsent(kind, Set.copyOf(vocabulary.codes(kind)));
        }
        String orgId = p.text("organization_id");
        String organisation = null;
        if (orgId != null) {
            UUID id = uuid("organization_id", orgId);
            organisation = organisations().get(id);
            if (organisation == null) throw Problem.badParameter("organization_id", "no organization has id " + orgId);
        }
        Instant modifiedAfter = null;
        String mod = p.text("modified_after");
        if (mod != null) {
            try {
                modifiedAfter = mod.length() == 10 ? LocalDate.parse(mod).atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : Instant.parse(mod);
            } catch (DateTimeParseException e) {
                throw Problem.badParameter("modified_after", "modified_after must be a date (2026-01-31) or date-time (2026-01-31T09:00:00Z), got '" + mod + "'");
            }
        }
        Integer age = p.integer("age", 0, 120);
        Double lat = p.decimal("lat", -90, 90), lon = p.decimal("lon", -180, 180);
        if ((lat == null) != (lon == null)) throw Problem.badParameter(lat == null ? "lat" : "lon", "lat and lon must be given together");
        GeoPoint near = lat == null ? null : new GeoPoint(lat, lon);
        Double withinKm = null;
        Integer metres = p.integer(proximityParam, 1, 1_000_000);
        if (metres != null) withinKm = metres / 1000.0;
        String language = p.text("language");
        if (language != null && !language.matches("[a-z]{2}")) throw Problem.badParameter("language", "language must be an ISO 639-1 code such as cy or ps, got '" + language + "'");
        Delivery delivery = null;
        String d = p.text("delivery");
        if (d != null) {
            try { delivery = Delivery.parse(d); } catch (IllegalArgumentException e) { throw Problem.badParameter("delivery", e.getMessage()); }
        }
        String authority = p.text("authority");
        if (authority != null && directory.authority(authority).isEmpty()) throw Problem.badParameter("authority", "unknown authority GSS code '" + authority + "'");
        return new BrowseQuery(p.text("search"), terms, organisation, modifiedAfter, age, near, withinKm, language, delivery, authority,
                paging.page(), paging.perPage());
    }

    private void service(Context ctx) {
        Params.of(ctx, Set.of());
        Service s = directory.service(uuid("id", ctx.pathParam("id")))
                .orElseThrow(() -> Problem.notFound("no service has id " + ctx.pathParam("id")));
        Json.send(ctx, oruk.service(s, Lang.of(ctx), true));
    }

    private Map<UUID, String> organisations() {
        Map<UUID, String> out = new LinkedHashMap<>();
        for (Service s : directory.services().values())
            if (s.organisation() != null) out.putIfAbsent(Oruk.organizationId(s.organisation()), s.organisation());
        return out;
    }

    private void organizations(Context ctx) {
        Params p = Params.of(ctx, union(PAGING, Set.of("search", "full_service", "full")));
        Paging paging = paging(p);
        String search = p.text("search");
        List<Map<String, Object>> all = organisations().values().stream()
                .filter(n -> search == null || n.toLowerCase().contains(search.toLowerCase()))
                .sorted(String.CASE_INSENSITIVE_ORDER).map(oruk::organization).toList();
        Json.send(ctx, Json.page(all, paging.page(), paging.perPage()));
    }

    private void organization(Context ctx) {
        Params p = Params.of(ctx, Set.of("full_service"));
        UUID id = uuid("id", ctx.pathParam("id"));
        String name = organisations().get(id);
        if (name == null) throw Problem.notFound("no organization has id " + id);
        Map<String, Object> o = oruk.organization(name);
        if (p.bool("full_service")) {
            String lang = Lang.of(ctx);
            o.put("services", directory.services().values().stream().filter(s -> name.equals(s.organisation()))
                    .map(s -> oruk.service(s, lang, true)).toList());
        }
        Json.send(ctx, o);
    }

    private void taxonomies(Context ctx) {
        Params p = Params.of(ctx, union(PAGING, Set.of("search")));
        Paging paging = paging(p);
        String search = p.text("search");
        List<Map<String, Object>> all = Oruk.TAXONOMIES.stream().map(oruk::taxonomy)
                .filter(t -> search == null || t.get("name").toString().toLowerCase().contains(search.toLowerCase())).toList();
        Json.send(ctx, Json.page(all, paging.page(), paging.perPage()));
    }

    private void taxonomy(Context ctx) {
        Params.of(ctx, Set.of());
        UUID id = uuid("id", ctx.pathParam("id"));
        String kind = Oruk.TAXONOMIES.stream().filter(k -> Oruk.taxonomyId(k).equals(id)).findFirst()
                .orElseThrow(() -> Problem.notFound("no taxonomy has id " + id));
        Json.send(ctx, oruk.taxonomy(kind));
    }

    private List<Map<String, Object>> allTerms(String lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String kind : Oruk.TAXONOMIES) for (Vocabulary.Term t : vocabulary.terms(kind)) out.add(oruk.term(kind, t, lang));
        return out;
    }

    private java.util.Optional<String[]> termById(UUID id) {
        for (String kind : Oruk.TAXONOMIES)
            for (String code : vocabulary.codes(kind))
                if (Oruk.termId(kind, code).equals(id)) return java.util.Optional.of(new String[]{kind, code});
        return java.util.Optional.empty();
    }

    private void taxonomyTerms(Context ctx) {
        Params p = Params.of(ctx, union(PAGING, Set.of("search", "taxonomy_id", "top_only", "parent_id")));
        Paging paging = paging(p);
        String lang = Lang.of(ctx);
        String search = p.text("search"), taxonomyId = p.text("taxonomy_id"), parentId = p.text("parent_id");
        if (taxonomyId != null) uuid("taxonomy_id", taxonomyId);
        if (parentId != null) uuid("parent_id", parentId);
        boolean topOnly = p.bool("top_only");
        List<Map<String, Object>> all = allTerms(lang).stream()
                .filter(t -> search == null || t.get("name").toString().toLowerCase().contains(search.toLowerCase())
                        || t.get("term").toString().contains(search.toLowerCase()))
                .filter(t -> taxonomyId == null || taxonomyId.equals(t.get("taxonomy_id")))
                .filter(t -> parentId == null || parentId.equals(t.get("parent_id")))
                .filter(t -> !topOnly || !t.containsKey("parent_id"))
                .toList();
        Json.send(ctx, Json.page(all, paging.page(), paging.perPage()));
    }

    private void taxonomyTerm(Context ctx) {
        Params.of(ctx, Set.of());
        UUID id = uuid("id", ctx.pathParam("id"));
        String[] kc = termById(id).orElseThrow(() -> Problem.notFound("no taxonomy term has id " + id));
        Json.send(ctx, oruk.term(kc[0], vocabulary.term(kc[0], kc[1]), Lang.of(ctx)));
    }

    private void serviceAtLocations(Context ctx) {
        Params p = Params.of(ctx, union(PAGING, Set.of("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after",
                "full", "postcode", "proximity", "age", "lat", "lon", "language", "delivery", "authority")));
        String lang = Lang.of(ctx);
        Paging paging = paging(p);
        String postcode = p.text("postcode");
        BrowseQuery q = browseQuery(p, new Paging(1, Integer.MAX_VALUE / 2), "proximity");
        if (postcode != null) {
            GeoPoint at = locate("postcode", postcode, null).point();
            q = new BrowseQuery(q.text(), q.terms(), q.organisation(), q.modifiedAfter(), q.age(), at, q.withinKm(), q.language(),
                    q.delivery(), q.authority(), 1, q.perPage());
        } else if (q.withinKm() != null && q.near() == null) {
            throw Problem.badParameter("proximity", "proximity needs a postcode (or lat and lon) to measure from");
        }
        // Every place of every matching service (services without a place have none), nearest first when a place was given.
        Browse.Page page = directory.browse().search(new BrowseQuery(q.text(), q.terms(), q.organisation(), q.modifiedAfter(), q.age(),
                q.near(), q.withinKm(), q.language(), q.delivery(), q.authority(), 1, MAX_PLACES));
        List<Map<String, Object>> all = new ArrayList<>();
        for (Browse.Hit h : page.hits())
            for (int i = 0; i < h.service().locations().size(); i++) {
                Map<String, Object> sal = oruk.serviceAtLocation(h.service(), i, lang, p.bool("full"));
                if (h.distanceKm() != null) sal.put("x_distance_km", round(h.distanceKm()));
                all.add(sal);
            }
        Json.send(ctx, Json.page(all, paging.page(), paging.perPage()));
    }

    private void serviceAtLocation(Context ctx) {
        Params.of(ctx, Set.of());
        UUID id = uuid("id", ctx.pathParam("id"));
        for (Service s : directory.services().values())
            for (int i = 0; i < s.locations().size(); i++)
                if (Oruk.uuid("service_at_location", s.id().toString(), String.valueOf(i)).equals(id)) {
                    Json.send(ctx, oruk.serviceAtLocation(s, i, Lang.of(ctx), true));
                    return;
                }
        throw Problem.notFound("no service at location has id " + id);
    }

    // ---- matcher ----

    private void match(Context ctx) {
        Params p = Params.of(ctx, Set.of("explain"));
        boolean explain = p.bool("explain");
        String lang = Lang.of(ctx);
        JsonNode body;
        try {
            body = RecordJson.MAPPER.readTree(ctx.body());
        } catch (Exception e) {
            throw Problem.badBody("body", "the request body is not valid JSON");
        }
        ProfileJson.Parsed parsed;
        try {
            parsed = ProfileJson.parse(body, vocabulary, code -> directory.authority(code).isPresent());
        } catch (ProfileJson.ProfileException e) {
            throw Problem.badBody(e.field, e.getMessage());
        }
        MatchResult r;
        try {
            r = directory.matcher().match(parsed.profile(), parsed.limit(), explain);
        } catch (Locator.UnknownPlaceException e) {
            throw Problem.badBody("postcode", e.getMessage());
        }
        Json.send(ctx, matchJson(r, lang, explain));
    }

    Map<String, Object> matchJson(MatchResult r, String lang, boolean explain) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("home_authority", r.home() == null ? null : authorityRef(r.home(), lang));
        m.put("host_authority", r.host() == null ? null : authorityRef(r.host(), lang));
        m.put("host_district_council", districtCouncilJson(r.place().districtCouncil(), lang));
        m.put("out_of_area", r.outOfArea());
        m.put("location", placeJson(r.place()));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Ranking.Scored s : r.results()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("service", serviceSummary(s.service(), lang));
            x.put("score", round(s.score()));
            x.put("distance_km", s.distanceKm() == null ? null : round(s.distanceKm()));
            Map<String, Object> factors = new LinkedHashMap<>();
            s.factors().forEach((k, v) -> factors.put(k.code(), round(v)));
            x.put("factors", factors);
            x.put("reasons", text.reasons(s.reasons()));
            x.put("warnings", text.warnings(s.warnings()));
            results.add(x);
        }
        m.put("results", results);
        m.put("eligible_count", r.eligible());
        m.put("home_offer", r.homeOffer().stream().map(e -> entitlementJson(e, lang)).toList());
        m.put("host_leaving_care_team", r.host() == null ? null : teamJson(r.host(), lang));
        m.put("council_tax", councilTaxJson(r.councilTax(), lang));
        m.put("gaps", r.gaps().stream().map(g -> Json.obj("need", g.need(), "need_label", vocabulary.label("need", g.need(), lang),
                "national", g.national().stream().map(s -> serviceSummary(s, lang)).toList(),
                "host_leaving_care_team", r.host() == null ? null : teamJson(r.host(), lang))).toList());
        Map<String, Object> excluded = new LinkedHashMap<>();
        excluded.put("count", r.excludedCount());
        if (explain) excluded.put("services", r.excluded().stream()
                .map(x -> Json.obj("service", serviceSummary(x.service(), lang), "reasons", text.exclusions(x.reasons()))).toList());
        m.put("excluded", excluded);
        return m;
    }

    private static Map<String, Object> placeJson(Place p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lat", round5(p.point().lat()));
        m.put("lon", round5(p.point().lon()));
        m.put("source", p.source());
        if (p.postcode() != null) m.put("postcode", p.postcode());
        m.put("host_method", p.hostMethod());
        return m;
    }

    Map<String, Object> serviceSummary(Service s, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("name", s.name(lang));
        m.put("description", s.description(lang));
        m.put("organisation", s.organisation());
        m.put("authority", s.authorityCode());
        m.put("needs", s.needs().stream().sorted().toList());
        m.put("care_leaver_specific", s.careLeaverSpecific());
        m.put("threshold", s.access().threshold());
        m.put("delivery", s.delivery().stream().map(Delivery::code).sorted().toList());
        m.put("phone", s.contact().phone());
        m.put("phones", s.contact().phones());
        m.put("email", s.contact().email());
        m.put("website", s.contact().website());
        m.put("referral", s.access().referral());
        m.put("illustrative", s.provenance().illustrative());
        m.put("last_verified", s.provenance().lastVerified() == null ? null : s.provenance().lastVerified().toString());
        m.put("source", SourceJson.of(s.provenance(), Freshness.of(s, LocalDate.now(directory.clock())), directory, lang));
        return m;
    }

    /** The published way in to an authority's leaving care team, and its other routes. */
    Map<String, Object> teamJson(Authority a, String lang) {
        var t = a.leavingCareTeam();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authority", authorityRef(a, lang));
        m.put("local_offer_url", a.localOfferUrl());
        if (t == null) {
            m.put("published", false);
            return m;
        }
        m.put("published", true);
        m.put("teams_own", t.isTeamsOwn());
        m.putAll(wayIn(t.route(), t.name(), t.contact(), t.address(), t.hours(), t.note(), t.provenance(), lang));
        m.put("out_of_hours_phones", t.outOfHoursPhones());
        return m;
    }

    Map<String, Object> routeJson(uk.localoffer.domain.AuthorityRoute r, String lang) {
        return wayIn(r.kind().code(), r.name(), r.contact(), r.address(), r.hours(), r.note(), r.provenance(), lang);
    }

    /** One published route into an authority's offer, as routes and the leaving care team show it. */
    private Map<String, Object> wayIn(String route, String name, uk.localoffer.domain.Contact c, String address, String hours, String note,
                                      uk.localoffer.domain.Provenance p, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("route", route);
        m.put("name", name);
        m.put("phones", c.phones());
        m.put("email", c.email());
        m.put("url", c.website());
        m.put("address", address);
        m.put("hours", hours);
        m.put("note", note);
        m.put("source", SourceJson.of(p, Freshness.of(p, LocalDate.now(directory.clock())), directory, lang));
        return m;
    }

    Map<String, Object> councilTaxSchemeJson(uk.localoffer.domain.CouncilTaxScheme c, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("billing_council", c.billingCouncil());
        m.put("care_leavers_of", !c.whoStated() ? List.of("not_stated") : c.forAnyCareLeaver() ? List.of("any") : c.careLeaversOf().stream().sorted().toList());
        m.put("ages", c.ages().toString());
        m.put("percent", c.percent());
        m.put("reduction", c.reduction());
        m.put("conditions", c.conditions());
        m.put("how_to_apply", c.howToApply());
        m.put("source", SourceJson.of(c.provenance(), Freshness.of(c.provenance(), LocalDate.now(directory.clock())), directory, lang));
        return m;
    }

    Map<String, Object> councilTaxJson(uk.localoffer.match.CouncilTax t, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("billing_council", t.billingCouncil());
        m.put("where_they_live", t.whereTheyLive().stream().map(r -> {
            Map<String, Object> x = councilTaxSchemeJson(r.scheme(), lang);
            x.put("applies", r.applies());
            return x;
        }).toList());
        m.put("from_home_authority", t.fromHome().stream().map(c -> councilTaxSchemeJson(c, lang)).toList());
        return m;
    }

    // ---- authorities and postcodes ----

    Map<String, Object> authorityRef(Authority a, String lang) {
        return Json.obj("code", a.code(), "name", a.name(lang));
    }

    Map<String, Object> entitlementJson(Entitlement e, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().toString());
        m.put("area", e.area().code());
        m.put("area_label", vocabulary.label("need", e.area().code(), lang));
        m.put("title", e.title(lang));
        m.put("detail", e.detail());
        m.put("kind", e.statutory() ? "statutory" : "discretionary");
        m.put("amount", e.amount());
        m.put("ages", e.ages().toString());
        m.put("statuses", e.statuses().stream().sorted().toList());
        m.put("conditions", e.conditions());
        m.put("applies_out_of_area", e.appliesOutOfArea());
        m.put("topic", e.topic());
        m.put("amount_gbp", e.amountGbp());
        m.put("nation", e.nation() == null ? null : e.nation().label());
        m.put("illustrative", e.provenance().illustrative());
        m.put("source_note", e.provenance().note());
        m.put("source", SourceJson.of(e.provenance(), Freshness.of(e, LocalDate.now(directory.clock())), directory, lang));
        return m;
    }

    private void authorities(Context ctx) {
        Params p = Params.of(ctx, Set.of("nation", "region", "search"));
        String lang = Lang.of(ctx);
        String nation = p.text("nation"), region = p.text("region"), search = p.text("search");
        if (nation != null && !nation.equals("England") && !nation.equals("Wales")) throw Problem.badParameter("nation", "nation must be England or Wales, got '" + nation + "'");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Authority a : directory.authorities().values()) {
            if (nation != null && !a.nation().label().equals(nation)) continue;
            if (region != null && !a.region().equalsIgnoreCase(region)) continue;
            if (search != null && !a.name().toLowerCase().contains(search.toLowerCase()) && !a.name(lang).toLowerCase().contains(search.toLowerCase())) continue;
            Map<String, Object> m = new LinkedHashMap<>(authorityRef(a, lang));
            m.put("nation", a.nation().label());
            m.put("region", a.region());
            m.put("kind", a.kind());
            m.put("lat", a.centroid().lat());
            m.put("lon", a.centroid().lon());
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> m.get("name").toString()));
        Json.send(ctx, Json.obj("count", out.size(), "authorities", out));
    }

    private Authority knownAuthority(String field, String code) {
        return directory.authority(code).orElseThrow(() -> "gss".equals(field)
                ? Problem.badParameter(field, "unknown authority GSS code '" + code + "'")
                : Problem.notFound("no authority has GSS code '" + code + "'"));
    }

    Map<String, Object> authorityDetail(Authority a, String lang) {
        Map<String, Object> m = new LinkedHashMap<>(authorityRef(a, lang));
        m.put("name_cy", a.nameCy());
        m.put("nation", a.nation().label());
        m.put("region", a.region());
        m.put("kind", a.kind());
        m.put("official_name", a.officialName());
        m.put("centroid", Json.obj("lat", a.centroid().lat(), "lon", a.centroid().lon()));
        m.put("has_boundary", directory.boundaries().boundary(a.code()).isPresent());
        m.put("local_offer_url", a.localOfferUrl());
        m.put("leaving_care_team", teamJson(a, lang));
        m.put("routes", directory.routes(a.code()).stream().map(r -> routeJson(r, lang)).toList());
        m.put("council_tax", directory.councilTaxSchemes().stream()
                .filter(c -> a.code().equals(c.billingCouncil()) || c.careLeaversOf().contains(a.code())
                        || (uk.localoffer.domain.CouncilTaxScheme.WALES.equals(c.billingCouncil()) && a.nation() == uk.localoffer.domain.Nation.WALES))
                .map(c -> councilTaxSchemeJson(c, lang)).toList());
        Map<String, List<Map<String, Object>>> byArea = new LinkedHashMap<>();
        for (OfferArea area : OfferArea.values()) byArea.put(area.code(), new ArrayList<>());
        for (Entitlement e : directory.entitlements(a.code())) byArea.get(e.area().code()).add(entitlementJson(e, lang));
        m.put("entitlements", byArea);
        List<Map<String, Object>> reviews = new ArrayList<>();
        for (ReviewRow r : directory.reviewRows()) {
            if (!r.authorityCodes().contains(a.code())) continue;
            Map<String, Object> flags = new LinkedHashMap<>();
            for (String f : ReviewRow.FLAGS) flags.put(f, r.says(f));
            reviews.add(Json.obj("published_name", r.rawName(), "review_date", "2022-05", "flags", flags, "raw_values", r.flags(),
                    "cla_per_10000_2021", r.claPer10000(), "ofsted_rating", r.ofstedRating(), "link_note", r.linkNote()));
        }
        m.put("review_2022", reviews);
        Map<String, Integer> byNeed = new TreeMap<>();
        int local = 0;
        for (Service s : directory.services().values()) {
            if (!a.code().equals(s.authorityCode())) continue;
            local++;
            for (String n : s.needs()) byNeed.merge(n, 1, Integer::sum);
        }
        m.put("service_count", local);
        m.put("service_counts_by_need", byNeed);
        return m;
    }

    private void authority(Context ctx) {
        Params.of(ctx, Set.of());
        Json.send(ctx, authorityDetail(knownAuthority("path", ctx.pathParam("gss")), Lang.of(ctx)));
    }

    private void compare(Context ctx) {
        Params p = Params.of(ctx, Set.of("gss"));
        List<String> codes = p.all("gss");
        if (codes.size() < 2) throw Problem.badParameter("gss", "give at least two authorities to compare (gss=E08000012&gss=E08000007)");
        if (codes.size() > 6) throw Problem.badParameter("gss", "compare at most six authorities at once");
        String lang = Lang.of(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String c : codes) out.add(authorityDetail(knownAuthority("gss", c), lang));
        Json.send(ctx, Json.obj("authorities", out));
    }

    private void postcode(Context ctx) {
        Params.of(ctx, Set.of());
        String lang = Lang.of(ctx);
        String raw = ctx.pathParam("postcode");
        Place place = locate("postcode", raw, null);
        Postcodes.Parsed parsed = Postcodes.parse(raw).orElseThrow();
        Authority a = place.hostAuthority() == null ? null : directory.authority(place.hostAuthority()).orElse(null);
        String nation = parsed.full() ? directory.postcodes().postcode(parsed).orElseThrow().nation()
                : directory.postcodes().district(parsed.outcode()).orElseThrow().nation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("postcode", parsed.normalised());
        m.put("outcode", parsed.outcode());
        m.put("lat", round5(place.point().lat()));
        m.put("lon", round5(place.point().lon()));
        m.put("precision", place.source());
        m.put("nation", nation);
        m.put("in_england_or_wales", nation.equals("England") || nation.equals("Wales"));
        m.put("authority", a == null ? null : authorityRef(a, lang));
        m.put("authority_method", place.hostMethod());
        m.put("district_council", districtCouncilJson(place.districtCouncil(), lang));
        if (a == null) m.put("note", parsed.normalised() + " is in " + nation + ", outside England and Wales: this directory holds the local offers"
                + " of English and Welsh authorities only, so only national and remote services apply there");
        Json.send(ctx, m);
    }

    /** The district or borough council (council tax, housing) where it is not the children's services authority itself. */
    static Map<String, Object> districtCouncilJson(DistrictCouncil d, String lang) {
        return d == null ? null : Json.obj("code", d.code(), "name", d.name(lang), "official_name", d.officialName());
    }

    private Place locate(String field, String postcode, GeoPoint point) {
        try {
            return directory.locator().locate(postcode, point);
        } catch (Locator.UnknownPlaceException e) {
            if (e.getMessage().contains("not a UK postcode")) throw Problem.badParameter(field, e.getMessage());
            throw Problem.notFound(e.getMessage());
        }
    }

    // ---- helpers ----

    static UUID uuid(String field, String value) {
        try {
            UUID u = UUID.fromString(value);
            if (!u.toString().equalsIgnoreCase(value)) throw new IllegalArgumentException();
            return u;
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter(field, field + " must be a UUID, got '" + value + "'");
        }
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    static double round5(double v) { return Math.round(v * 100000) / 100000.0; }
}
