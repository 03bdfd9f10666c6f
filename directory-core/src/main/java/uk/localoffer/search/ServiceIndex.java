package uk.localoffer.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LatLonShape;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.geo.Polygon;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.geo.Wkt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The Lucene index of services with their eligibility and geo fields. It is always rebuilt
 * whole from the store into a new folder and then swapped in, so a search sees either the
 * old index or the new one, never half of one.
 */
public final class ServiceIndex implements AutoCloseable {
    static final String ID = "id", ORD = "ord", TEXT = "text", NEED = "need", CIRCUMSTANCE = "circumstance",
            LANGUAGE = "language", DELIVERY = "delivery", STATUS = "status", ACCEPTS = "accepts", EXCLUSION = "exclusion",
            THRESHOLD = "threshold", CARE_LEAVER = "care_leaver", AGE_MIN = "age_min", AGE_MAX = "age_max",
            RESIDENCE = "residence", RESIDENCE_AUTHORITY = "residence_authority", RESIDENCE_AREA = "residence_area",
            PLACE = "place", IN_PERSON_ONLY = "in_person_only", VERIFIED = "verified", AUTHORITY = "authority",
            ORGANISATION = "organisation", PLACE_UNKNOWN = "place_unknown", MODIFIED = "modified", NAME_SORT = "name_sort";
    static final String ANY = "any";
    static final int NO_MAX_AGE = 200;

    private final Path root;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private boolean cleaned;

    /** One built index: its reader, and the services in the order of their {@code ord}. */
    public static final class Snapshot {
        final DirectoryReader reader;
        final IndexSearcher searcher;
        final Service[] services;
        final GeoPoint[] places;
        final ServiceFacts facts;
        volatile boolean superseded;

        Snapshot(DirectoryReader reader, Service[] services, GeoPoint[] places) {
            this.reader = reader;
            this.searcher = new IndexSearcher(reader);
            this.searcher.setQueryCache(null);
            this.services = services;
            this.places = places;
            this.facts = new ServiceFacts(services);
        }

        public int size() { return services.length; }
    }

    public ServiceIndex(Path root) {
        this.root = root;
    }

    public Analyzer analyzer() { return analyzer; }

    /** Builds a new index from {@code services} and swaps it in. */
    public void rebuild(List<Service> services, Map<String, Authority> authorities, Vocabulary vocabulary) {
        try {
            Files.createDirectories(root);
            Path dir = root.resolve("gen-" + System.nanoTime());
            Service[] byOrd = services.toArray(Service[]::new);
            GeoPoint[] places = new GeoPoint[byOrd.length];
            FSDirectory directory = FSDirectory.open(dir);
            try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
                for (int i = 0; i < byOrd.length; i++) {
                    places[i] = placeOf(byOrd[i], authorities);
                    w.addDocument(document(i, byOrd[i], places[i], vocabulary));
                }
                w.forceMerge(1);
                w.commit();
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            Snapshot fresh = new Snapshot(reader, byOrd, places);
            // A generation is deleted once it has been replaced and its last search is done;
            // the current one stays on disk when the program stops.
            reader.getReaderCacheHelper().addClosedListener(key -> {
                if (fresh.superseded) deleteQuietly(dir, directory);
                else directory.close();
            });
            Snapshot old = current.getAndSet(fresh);
            if (old != null) {
                old.superseded = true;
                old.reader.decRef();
            }
            removeStaleGenerations(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the search index in " + root, e);
        }
    }

    /** The place used for distance: the service's first place, else its authority's centre (approximate). */
    static GeoPoint placeOf(Service s, Map<String, Authority> authorities) {
        for (var l : s.locations()) if (l.point() != null) return l.point();
        Authority a = s.authorityCode() == null ? null : authorities.get(s.authorityCode());
        return a == null ? null : a.centroid();
    }

    private static Document document(int ord, Service s, GeoPoint place, Vocabulary vocabulary) {
        Document d = new Document();
        d.add(new StringField(ID, s.id().toString(), Field.Store.YES));
        d.add(new NumericDocValuesField(ORD, ord));
        StringBuilder text = new StringBuilder(s.name()).append('\n').append(s.description());
        if (s.organisation() != null) text.append('\n').append(s.organisation());
        for (String need : s.needs()) {
            text.append('\n').append(vocabulary.label("need", need, "en"));
            d.add(new StringField(NEED, need, Field.Store.NO));
        }
        for (String c : s.circumstances()) {
            text.append('\n').append(vocabulary.label("circumstance", c, "en"));
            d.add(new StringField(CIRCUMSTANCE, c, Field.Store.NO));
        }
        d.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        for (String l : s.languages().languages()) d.add(new StringField(LANGUAGE, l, Field.Store.NO));
        if (s.languages().welsh() != uk.localoffer.domain.LanguageSupport.WelshProvision.NONE) d.add(new StringField(LANGUAGE, "cy", Field.Store.NO));
        for (Delivery m : s.delivery()) d.add(new StringField(DELIVERY, m.code(), Field.Store.NO));
        d.add(new StringField(CARE_LEAVER, s.careLeaverSpecific() ? "yes" : "no", Field.Store.NO));
        if (s.access().threshold() != null) d.add(new StringField(THRESHOLD, s.access().threshold(), Field.Store.NO));
        if (s.authorityCode() != null) d.add(new StringField(AUTHORITY, s.authorityCode(), Field.Store.NO));
        if (s.organisation() != null) d.add(new StringField(ORGANISATION, s.organisation().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        long modified = s.provenance().importedAt().getEpochSecond();
        d.add(new org.apache.lucene.document.LongPoint(MODIFIED, modified));
        d.add(new org.apache.lucene.document.SortedDocValuesField(NAME_SORT,
                new org.apache.lucene.util.BytesRef(s.name().toLowerCase(java.util.Locale.ROOT) + "\u0000" + s.id())));

        var e = s.eligibility();
        int ageMin = e.ages().min() == null ? 0 : e.ages().min(), ageMax = e.ages().max() == null ? NO_MAX_AGE : e.ages().max();
        d.add(new IntPoint(AGE_MIN, ageMin));
        d.add(new NumericDocValuesField(AGE_MIN, ageMin));
        d.add(new IntPoint(AGE_MAX, ageMax));
        d.add(new NumericDocValuesField(AGE_MAX, ageMax));
        if (e.statuses().isEmpty()) d.add(new StringField(STATUS, ANY, Field.Store.NO));
        for (String st : e.statuses()) d.add(new StringField(STATUS, st, Field.Store.NO));
        if (e.acceptsAnyHomeAuthority()) d.add(new StringField(ACCEPTS, ANY, Field.Store.NO));
        for (String a : e.acceptsHomeAuthorities()) d.add(new StringField(ACCEPTS, a, Field.Store.NO));
        for (String x : e.exclusions()) d.add(new StringField(EXCLUSION, x, Field.Store.NO));

        Residence r = e.residence();
        d.add(new StringField(RESIDENCE, r.kind().name().toLowerCase(), Field.Store.NO));
        for (String a : r.authorities()) d.add(new StringField(RESIDENCE_AUTHORITY, a, Field.Store.NO));
        for (Polygon p : residenceArea(r, place)) for (Field f : LatLonShape.createIndexableFields(RESIDENCE_AREA, p)) d.add(f);

        if (place != null) {
            d.add(new LatLonPoint(PLACE, place.lat(), place.lon()));
            d.add(new LatLonDocValuesField(PLACE, place.lat(), place.lon()));
        } else {
            d.add(new StringField(PLACE_UNKNOWN, "yes", Field.Store.NO));
        }
        d.add(new StringField(IN_PERSON_ONLY, s.isInPersonOnly() ? "yes" : "no", Field.Store.NO));
        d.add(new IntPoint(VERIFIED, s.provenance().lastVerified() == null ? 0 : (int) s.provenance().lastVerified().toEpochDay()));
        return d;
    }

    /** Radius and catchment residence areas as Lucene polygons (a radius becomes a 64-sided polygon). */
    static List<Polygon> residenceArea(Residence r, GeoPoint centre) {
        List<Polygon> out = new ArrayList<>();
        if (r.kind() == Residence.Kind.CATCHMENT) {
            Geometry g = Wkt.polygonal(r.catchmentWkt());
            for (int i = 0; i < g.getNumGeometries(); i++) out.add(toLucene((org.locationtech.jts.geom.Polygon) g.getGeometryN(i)));
        } else if (r.kind() == Residence.Kind.RADIUS && centre != null) {
            int n = 64;
            double[] lats = new double[n + 1], lons = new double[n + 1];
            for (int i = 0; i < n; i++) {
                double bearing = 2 * Math.PI * i / n;
                lats[i] = centre.lat() + r.radiusKm() * Math.cos(bearing) / 111.2;
                lons[i] = centre.lon() + r.radiusKm() * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(centre.lat())));
            }
            lats[n] = lats[0];
            lons[n] = lons[0];
            out.add(new Polygon(lats, lons));
        }
        return out;
    }

    private static Polygon toLucene(org.locationtech.jts.geom.Polygon p) {
        Polygon[] holes = new Polygon[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) holes[i] = ring(p.getInteriorRingN(i).getCoordinates());
        Polygon shell = ring(p.getExteriorRing().getCoordinates());
        return new Polygon(shell.getPolyLats(), shell.getPolyLons(), holes);
    }

    private static Polygon ring(org.locationtech.jts.geom.Coordinate[] cs) {
        double[] lats = new double[cs.length], lons = new double[cs.length];
        for (int i = 0; i < cs.length; i++) { lats[i] = cs[i].y; lons[i] = cs[i].x; }
        return new Polygon(lats, lons);
    }

    /** Takes the current index for one search; give it back with {@link #release}. */
    public Snapshot acquire() {
        while (true) {
            Snapshot s = current.get();
            if (s == null) throw new IllegalStateException("the search index has not been built yet");
            if (s.reader.tryIncRef()) return s;
        }
    }

    public void release(Snapshot s) {
        try {
            s.reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        Snapshot s = current.get();
        return s == null ? 0 : s.size();
    }

    /** Removes generations left by earlier processes; this process's old ones go when their reader closes. */
    private void removeStaleGenerations(Path keep) throws IOException {
        if (cleaned) return;
        cleaned = true;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path p : dirs.filter(p -> p.getFileName().toString().startsWith("gen-") && !p.equals(keep)).toList()) deleteTree(p);
        }
    }

    private static void deleteQuietly(Path dir, FSDirectory directory) {
        try {
            directory.close();
            deleteTree(dir);
        } catch (IOException ignored) {
            // a later rebuild removes it
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    @Override
    public void close() {
        Snapshot s = current.getAndSet(null);
        if (s != null) release(s);
    }
}
