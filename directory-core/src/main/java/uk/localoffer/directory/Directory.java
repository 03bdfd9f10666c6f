package uk.localoffer.directory;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.DistrictCouncils;
import uk.localoffer.geo.Locator;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.index.Browse;
import uk.localoffer.index.ServiceIndex;
import uk.localoffer.index.Snapshot;
import uk.localoffer.match.Matcher;
import uk.localoffer.match.Ranking;
import uk.localoffer.match.Weights;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The composition root of the core: the store's contents held in memory, the search index, the
 * matcher and the lookups answers need, all worked out once per {@link #reload()}.
 */
public final class Directory implements AutoCloseable {
    /** One place of a service, as Open Referral UK's service_at_location. */
    public record ServiceAtLocation(Service service, int location) { }

    /** What one reload built; replaced whole, so a request sees one reload or the next. */
    private record State(Contents contents, Locator locator, Matcher matcher, Browse browse) { }

    /** The organisations' ids as one reload's index holds them (each id is a hash of the name). */
    private record OrganisationIds(State of, Map<UUID, String> byId) { }

    /** The index keeps each record as the store does: its JSON. */
    public static final ServiceIndex.Records RECORDS = new ServiceIndex.Records() {
        @Override
        public Service read(String json) { return RecordJson.read(json, Service.class); }

        @Override
        public String write(Service s) { return RecordJson.write(s); }
    };

    private final Store store;
    private final Vocabulary vocabulary;
    private final ServiceIndex index;
    private final Weights weights;
    private final Clock clock;
    private volatile State state;
    private volatile OrganisationIds organisationIds;
    private volatile long loadedRun = -1;
    /** The store version the index was built from ({@link Store#version}). */
    private volatile String loadedVersion;
    private String loadedKey;

    public Directory(Store store, Vocabulary vocabulary, Path indexDir, Weights weights) {
        this(store, vocabulary, indexDir, weights, Clock.systemDefaultZone());
    }

    public Directory(Store store, Vocabulary vocabulary, Path indexDir, Weights weights, Clock clock) {
        this.store = store;
        this.vocabulary = vocabulary;
        this.index = new ServiceIndex(indexDir, RECORDS);
        this.weights = weights;
        this.clock = clock;
        reload();
    }

    /**
     * Reads the store again and, when it has changed, swaps in a new index; searches in flight
     * finish on the old one. An index already built from this version of the store (by an earlier
     * start) is opened rather than rebuilt.
     */
    public synchronized void reload() {
        long run = store.latestImportRun(); // read first: a change committed while this reload reads is seen again
        String version = store.version();
        Contents c = Contents.read(store);
        String key = ServiceIndex.key(version, vocabulary);
        if (!key.equals(loadedKey) && !index.openBuilt(key))
            index.rebuild(store::forEachServiceJson, c.authorities(), vocabulary, Directory::aliases, key);
        Locator locator = new Locator(c.postcodes(), c.boundaries(), c.districtCouncils(), c.authorities().values());
        Matcher matcher = new Matcher(index, vocabulary, c.authorities(), code -> c.offers().getOrDefault(code, List.of()), c.councilTax(),
                locator, new Ranking(weights, vocabulary), clock);
        state = new State(c, locator, matcher, new Browse(index));
        loadedKey = key;
        loadedVersion = version;
        loadedRun = run;
    }

    /** The other ids a service is found by: its places' service_at_location ids. */
    private static List<String> aliases(Service s) {
        List<String> out = new ArrayList<>(s.locations().size());
        for (int i = 0; i < s.locations().size(); i++) out.add(Oruk.serviceAtLocationId(s, i).toString());
        return out;
    }

    /** Reloads when the store has changed since the last reload read it; true when it did. */
    public synchronized boolean reloadIfChanged() {
        if (store.version().equals(loadedVersion)) return false;
        reload();
        return true;
    }

    /** The newest run of changes the directory has loaded (an import, or a write with an authority's key). */
    public long loadedRun() { return loadedRun; }

    private Contents contents() { return state.contents(); }

    public Matcher matcher() { return state.matcher(); }

    public Browse browse() { return state.browse(); }

    public Locator locator() { return state.locator(); }

    public Vocabulary vocabulary() { return vocabulary; }

    public Weights weights() { return weights; }

    /** The clock answers are dated by (how old a page is, whether a record is stale). */
    public Clock clock() { return clock; }

    public Map<String, Authority> authorities() { return contents().authorities(); }

    public Optional<Authority> authority(String code) { return Optional.ofNullable(contents().authorities().get(code)); }

    /** An authority's offer: its nation's statutory entitlements, then its own. */
    public List<Entitlement> entitlements(String code) { return contents().offers().getOrDefault(code, List.of()); }

    /** How many services the directory holds. */
    public int serviceCount() { return index.size(); }

    /**
     * Every service the directory serves, each record read from the index (in store order): for
     * tools and tests. Requests never need the whole directory: they go through the index and
     * read only the records they answer with.
     */
    public Map<UUID, Service> services() {
        return index.search(snap -> {
            Map<UUID, Service> out = new LinkedHashMap<>();
            for (int ord = 0; ord < snap.size(); ord++) {
                Service s = snap.service(ord);
                out.put(s.id(), s);
            }
            return out;
        });
    }

    /** An entitlement by id: an authority's own or a nation's. */
    public Optional<Entitlement> entitlement(UUID id) { return Optional.ofNullable(contents().entitlements().get(id)); }

    public Optional<Service> service(UUID id) { return index.search(snap -> snap.ordOf(id).map(snap::service)); }

    /** The services an authority's offer lists or whose area it serves, in store order. */
    public List<Service> servicesOf(String authority) { return index.search(snap -> snap.services(snap.ofAuthority(authority))); }

    /** Every organisation that runs a service, by its Open Referral UK id, in the order first met: worked out once per reload. */
    public Map<UUID, String> organisations() {
        State now = state;
        OrganisationIds known = organisationIds;
        if (known != null && known.of() == now) return known.byId();
        Map<UUID, String> out = new LinkedHashMap<>();
        for (String name : index.search(Snapshot::organisations)) out.putIfAbsent(Oruk.organizationId(name), name);
        organisationIds = known = new OrganisationIds(now, Collections.unmodifiableMap(out));
        return known.byId();
    }

    public Optional<String> organisation(UUID id) { return Optional.ofNullable(organisations().get(id)); }

    /** The services an organisation runs, in store order. */
    public List<Service> servicesBy(String organisation) { return index.search(snap -> snap.services(snap.ofOrganisation(organisation))); }

    /** A service's place by its Open Referral UK service_at_location id. */
    public Optional<ServiceAtLocation> serviceAtLocation(UUID id) {
        return index.search(snap -> snap.ordByAlias(id.toString()).map(snap::service).flatMap(s -> {
            for (int i = 0; i < s.locations().size(); i++) if (Oruk.serviceAtLocationId(s, i).equals(id)) return Optional.of(new ServiceAtLocation(s, i));
            return Optional.empty();
        }));
    }

    /** The published routes into an authority's offer: its local offer page, its team, out of hours. */
    public List<AuthorityRoute> routes(String code) { return contents().routes().getOrDefault(code, List.of()); }

    public List<CouncilTaxScheme> councilTaxSchemes() { return contents().councilTax(); }

    /**
     * The care leavers' council tax schemes of an authority: billed by it or by one of its district
     * councils, for its own care leavers elsewhere, and Wales's national one for a Welsh authority.
     */
    public List<CouncilTaxScheme> councilTaxOf(Authority a) {
        return councilTaxSchemes().stream().filter(c -> c.careLeaversOf().contains(a.code()) || a.code().equals(c.billingCouncil())
                || (c.billingCouncil() != null && districtCouncils().council(c.billingCouncil()).map(d -> a.code().equals(d.authorityCode())).orElse(false))
                || (CouncilTaxScheme.WALES.equals(c.billingCouncil()) && a.nation() == Nation.WALES)).toList();
    }

    /**
     * Who published a source page, for "From Surrey County Council's page": the council whose
     * own published routes live on that web host; null for any other host.
     */
    public String publisher(String url) { return contents().publishers().of(url); }

    public List<ReviewRow> reviewRows() { return contents().reviewRows(); }

    /** The rows of the May 2022 review linked to an authority. */
    public List<ReviewRow> reviewRows(String authority) { return contents().reviewRowsByAuthority().getOrDefault(authority, List.of()); }

    public Boundaries boundaries() { return contents().boundaries(); }

    public DistrictCouncils districtCouncils() { return contents().districtCouncils(); }

    public Postcodes postcodes() { return contents().postcodes(); }

    public Store store() { return store; }

    @Override
    public void close() { index.close(); }
}
