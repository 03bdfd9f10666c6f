package uk.localoffer.search;

import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.Authority;
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
        Map<String, List<Entitlement>> entitlements = store.entitlements().stream()
                .collect(Collectors.groupingBy(Entitlement::authorityCode, LinkedHashMap::new, Collectors.toList()));
        List<Service> services = store.services();
        Boundaries boundaries = new Boundaries(geometries(store.boundaries()));
        DistrictCouncils districtCouncils = new DistrictCouncils(store.districtCouncils(), geometries(store.districtBoundaries()));
        Postcodes postcodes = new Postcodes(store.postcodeDistricts(), PostcodeTable.embedded());
        index.rebuild(services, authorities, vocabulary);
        Locator locator = new Locator(postcodes, boundaries, districtCouncils, authorities.values());
        Matcher matcher = new Matcher(index, vocabulary, authorities, code -> entitlements.getOrDefault(code, List.of()), locator,
                new Ranking(weights, vocabulary));
        Map<UUID, Service> byId = new LinkedHashMap<>();
        for (Service s : services) byId.put(s.id(), s);
        state = new State(authorities, entitlements, byId, store.reviewRows(), boundaries, districtCouncils, postcodes, locator, matcher, new Browse(index));
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

    public Optional<Service> service(UUID id) { return Optional.ofNullable(state.services().get(id)); }

    public List<ReviewRow> reviewRows() { return state.reviewRows(); }

    public Boundaries boundaries() { return state.boundaries(); }

    public DistrictCouncils districtCouncils() { return state.districtCouncils(); }

    public Postcodes postcodes() { return state.postcodes(); }

    public Store store() { return store; }

    @Override
    public void close() { index.close(); }
}
