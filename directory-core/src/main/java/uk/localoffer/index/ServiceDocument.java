package uk.localoffer.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LatLonShape;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.geo.Polygon;
import org.apache.lucene.util.BytesRef;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Wkt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The Lucene document of one service: its text, its codes, its age points and its places and residence area. */
final class ServiceDocument {
    static final String ID = "id", ORD = "ord", TEXT = "text", NEED = "need", CIRCUMSTANCE = "circumstance",
            LANGUAGE = "language", DELIVERY = "delivery", STATUS = "status", ACCEPTS = "accepts", EXCLUSION = "exclusion",
            THRESHOLD = "threshold", CARE_LEAVER = "care_leaver", AGE_MIN = "age_min", AGE_MAX = "age_max",
            RESIDENCE = "residence", RESIDENCE_AUTHORITY = "residence_authority", RESIDENCE_AREA = "residence_area",
            PLACE = "place", IN_PERSON_ONLY = "in_person_only", VERIFIED = "verified", AUTHORITY = "authority",
            ORGANISATION = "organisation", PLACE_UNKNOWN = "place_unknown", MODIFIED = "modified", NAME_SORT = "name_sort",
            NATION = "nation", RECORD = "record", ORGANISATION_NAME = "organisation_name", ALIAS = "alias";
    /** The value of {@link #STATUS}, {@link #ACCEPTS} and {@link #NATION} for a service open to any status, home authority or nation. */
    static final String ANY = "any";
    static final int NO_MAX_AGE = 200;

    private ServiceDocument() { }

    /** The place used for distance: the service's first place, else its authority's centre (approximate). */
    static GeoPoint placeOf(Service s, Map<String, Authority> authorities) {
        for (var l : s.locations()) if (l.point() != null) return l.point();
        Authority a = s.authorityCode() == null ? null : authorities.get(s.authorityCode());
        return a == null ? null : a.centroid();
    }

    /**
     * {@code json}: the record as the store keeps it (kept in the index, read back only for the
     * services shown); {@code nations}: which of England and Wales the service covers
     * ({@link Service#coveredNations}), empty when not known; {@code aliases}: other ids it is
     * found by (its places' service_at_location ids).
     */
    static Document of(int ord, Service s, String json, GeoPoint place, Set<Nation> nations, Vocabulary vocabulary, Iterable<String> aliases) {
        Document d = new Document();
        d.add(new StringField(ID, s.id().toString(), Field.Store.NO));
        d.add(new StoredField(RECORD, json));
        for (String a : aliases) d.add(new StringField(ALIAS, a, Field.Store.NO));
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
        if (s.languages().welsh() != LanguageSupport.WelshProvision.NONE) d.add(new StringField(LANGUAGE, "cy", Field.Store.NO));
        for (Delivery m : s.delivery()) d.add(new StringField(DELIVERY, m.code(), Field.Store.NO));
        d.add(new StringField(CARE_LEAVER, s.careLeaverSpecific() ? "yes" : "no", Field.Store.NO));
        if (s.access().threshold() != null) d.add(new StringField(THRESHOLD, s.access().threshold(), Field.Store.NO));
        if (s.authorityCode() != null) d.add(new StringField(AUTHORITY, s.authorityCode(), Field.Store.NO));
        if (s.organisation() != null) {
            d.add(new StringField(ORGANISATION, s.organisation().toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new StringField(ORGANISATION_NAME, s.organisation(), Field.Store.NO));
        }
        d.add(new LongPoint(MODIFIED, s.provenance().importedAt().getEpochSecond()));
        d.add(new SortedDocValuesField(NAME_SORT, new BytesRef(s.name().toLowerCase(Locale.ROOT) + "\u0000" + s.id())));
        eligibility(d, s, place);
        if (nations.isEmpty()) d.add(new StringField(NATION, ANY, Field.Store.NO));
        for (Nation n : nations) d.add(new StringField(NATION, n.label(), Field.Store.NO));
        d.add(new IntPoint(VERIFIED, s.provenance().lastVerified() == null ? 0 : (int) s.provenance().lastVerified().toEpochDay()));
        return d;
    }

    private static void eligibility(Document d, Service s, GeoPoint place) {
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
    }

    /**
     * Catchment residence areas as Lucene polygons; a radius as the box around its circle (two
     * triangles, where a polygon of the circle took about sixty: dense places are covered by
     * thousands of areas), whose candidates the search then checks by their exact distance
     * ({@link Residence#withinRadius}).
     */
    static List<Polygon> residenceArea(Residence r, GeoPoint centre) {
        List<Polygon> out = new ArrayList<>();
        if (r.kind() == Residence.Kind.CATCHMENT) {
            Geometry g = Wkt.polygonal(r.catchmentWkt());
            for (int i = 0; i < g.getNumGeometries(); i++) out.add(toLucene((org.locationtech.jts.geom.Polygon) g.getGeometryN(i)));
        } else if (r.kind() == Residence.Kind.RADIUS && centre != null) {
            // 2% wider than the circle (a degree of latitude is 111.195 km on the sphere GeoPoint measures on).
            double dLat = 1.02 * r.radiusKm() / 111.195;
            double dLon = 1.02 * r.radiusKm() / (111.195 * Math.cos(Math.toRadians(Math.min(89, Math.abs(centre.lat()) + dLat))));
            double s = Math.max(-90, centre.lat() - dLat), n = Math.min(90, centre.lat() + dLat);
            double w = Math.max(-180, centre.lon() - dLon), e = Math.min(180, centre.lon() + dLon);
            out.add(new Polygon(new double[]{s, s, n, n, s}, new double[]{w, e, e, w, w}));
        }
        return out;
    }

    private static Polygon toLucene(org.locationtech.jts.geom.Polygon p) {
        Polygon[] holes = new Polygon[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) holes[i] = ring(p.getInteriorRingN(i).getCoordinates());
        Polygon shell = ring(p.getExteriorRing().getCoordinates());
        return new Polygon(shell.getPolyLats(), shell.getPolyLons(), holes);
    }

    private static Polygon ring(Coordinate[] cs) {
        double[] lats = new double[cs.length], lons = new double[cs.length];
        for (int i = 0; i < cs.length; i++) { lats[i] = cs[i].y; lons[i] = cs[i].x; }
        return new Polygon(lats, lons);
    }
}
