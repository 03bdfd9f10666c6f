package uk.localoffer.search;

import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.DistrictCouncils;
import uk.localoffer.geo.GeoJson;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The directory as the server and tools use it: the store's reference data held in memory,
 * the search index, and the matcher. {@link #reload()} rebuilds everything after an import.
 */
public final class Directory implements AutoCloseable {
    /** Everything read from the store at one moment, replaced whole on reload. */
    private record State(Map<String, Authority> authorities, Map<String, List<Entitlement>> entitlements,
                         Map<String, List<AuthorityRoute>> routes, Map<String, String> publishers, List<CouncilTaxScheme> councilTax,
                         Map<UUID, Service> services, List<ReviewRow> reviewRows, Boundaries boundaries,
                         DistrictCouncils districtCouncils, Postcodes postcodes, Locator locator, Matcher matcher, Browse browse) { }

    private final Store store;
    private final Vocabulary vocabulary;
    private final ServiceIndex index;
    private final Ranking.Weights weights;
    private volatile State state;

    public Directory(Store store, Vocabulary vocabulary, Path indexDir, Ranking.Weights weights) {
        this.store = store;
        this.vocabulary = vocabulary;
        this.index = new ServiceIndex(indexDir);
        this.weights = weights;
        reload();
    }

    /** Reads the store again and swaps in a new index; searches in flight finish on the old one. */
    public synchronized void reload() {
        Map<String, Authority> authorities = store.authorities().stream()
                .collect(Collectors.toMap(Authority::code, a -> a, (a, b) -> a, LinkedHashMap::new));
        Map<String, List<Entitlement>> entitlements = offers(authorities, store.entitlements());
        List<Service> services = store.services();
        Boundaries boundaries = new Boundaries(geometries(store.boundaries()));
        DistrictCouncils districtCouncils = new DistrictCouncils(store.districtCouncils(), geometries(store.districtBoundaries()));
        Postcodes postcodes = new Postcodes(store.postcodeDistricts(), PostcodeTable.embedded());
        index.rebuild(services, authorities, vocabulary);
        Locator locator = new Locator(postcodes, boundaries, districtCouncils, authorities.values());
        List<CouncilTaxScheme> councilTax = store.councilTaxSchemes();
        Map<String, List<AuthorityRoute>> routes = store.routes().stream()
                .collect(Collectors.groupingBy(AuthorityRoute::authorityCode, LinkedHashMap::new, Collectors.toList()));
        Matcher matcher = new Matcher(index, vocabulary, authorities, code -> entitlements.getOrDefault(code, List.of()), councilTax, locator,
                new Ranking(weights, vocabulary));
        Map<UUID, Service> byId = new LinkedHashMap<>();
        for (Service s : services) byId.put(s.id(), s);
        state = new State(authorities, entitlements, routes, publishers(authorities, routes), councilTax, byId, store.reviewRows(), boundaries,
                districtCouncils, postcodes, locator, matcher, new Browse(index));
    }

    /** Each authority's offer: its nation's statutory entitlements first, then its own. */
    private static Map<String, List<Entitlement>> offers(Map<String, Authority> authorities, List<Entitlement> all) {
        Map<uk.localoffer.domain.Nation, List<Entitlement>> national = new java.util.EnumMap<>(uk.localoffer.domain.Nation.class);
        Map<String, List<Entitlement>> own = new LinkedHashMap<>();
        for (Entitlement e : all) {
            if (e.isNational()) national.computeIfAbsent(e.nation(), k -> new java.util.ArrayList<>()).add(e);
            else own.computeIfAbsent(e.authorityCode(), k -> new java.util.ArrayList<>()).add(e);
        }
        Map<String, List<Entitlement>> out = new LinkedHashMap<>();
        for (Authority a : authorities.values()) {
            List<Entitlement> offer = new java.util.ArrayList<>(national.getOrDefault(a.nation(), List.of()));
            offer.addAll(own.getOrDefault(a.code(), List.of()));
            if (!offer.isEmpty()) out.put(a.code(), List.copyOf(offer));
        }
        return out;
    }

    private static Map<String, Geometry> geometries(Map<String, String> geoJsonByCode) {
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        geoJsonByCode.forEach((code, json) -> {
            try {
                shapes.put(code, GeoJson.geometry(RecordJson.MAPPER.readTree(json)));
            } catch (Exception e) {
                throw new IllegalStateException("stored boundary of " + code + " is not readable", e);
            }
        });
        return shapes;
    }

    public Matcher matcher() { return state.matcher(); }

    public Browse browse() { return state.browse(); }

    public Locator locator() { return state.locator(); }

    public Vocabulary vocabulary() { return vocabulary; }

    public Ranking.Weights weights() { return weights; }

    public Map<String, Authority> authorities() { return state.authorities(); }

    public Optional<Authority> authority(String code) { return Optional.ofNullable(state.authorities().get(code)); }

    public List<Entitlement> entitlements(String code) { return state.entitlements().getOrDefault(code, List.of()); }

    public Map<UUID, Service> services() { return state.services(); }

    /** The published routes into an authority's offer: its local offer page, its team, out of hours. */
    public List<AuthorityRoute> routes(String code) { return state.routes().getOrDefault(code, List.of()); }

    public List<CouncilTaxScheme> councilTaxSchemes() { return state.councilTax(); }

    /**
     * Who published a source page, for "From Surrey County Council's page": the council whose
     * own published routes live on that web host; null for any other host.
     */
    public String publisher(String url) {
        String host = host(url);
        return host == null ? null : state.publishers().get(host);
    }

    static String host(String url) {
        if (url == null) return null;
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? null : h.toLowerCase().replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> publishers(Map<String, Authority> authorities, Map<String, List<AuthorityRoute>> routes) {
        Map<String, String> out = new java.util.HashMap<>();
        routes.forEach((code, list) -> {
            Authority a = authorities.get(code);
            if (a == null || a.officialName() == null) return;
            for (AuthorityRoute r : list) {
                for (String url : java.util.Arrays.asList(r.url(), r.provenance().sourceUrl())) {
                    String h = host(url);
                    if (h != null && (h.endsWith(".gov.uk") || h.endsWith(".gov.wales") || h.endsWith(".llyw.cymru")))
                        out.putIfAbsent(h, a.officialName());
                }
            }
        });
        return out;
    }

    public Optional<Service> service(UUID id) { return Optional.ofNullable(state.services().get(id)); }

    public List<ReviewRow> reviewRows() { return state.reviewRows(); }

    public Boundaries boundaries() { return state.boundaries(); }

    public DistrictCouncils districtCouncils() { return state.districtCouncils(); }

    public Postcodes postcodes() { return state.postcodes(); }

    public Store store() { return store; }

    @Override
    public void close() { index.close(); }
}
