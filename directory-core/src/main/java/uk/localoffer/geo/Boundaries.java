package uk.localoffer.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import uk.localoffer.domain.GeoPoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Boundary polygons (of authorities or district councils), for finding which one a point lies
 * in: prepared geometries in an STR-tree. The generalised ONS boundaries are clipped to the
 * coastline, so a point on a beach or pier can fall outside every polygon; it then goes to the
 * nearest polygon. A point exactly on a shared edge goes to the lower code, so answers never
 * depend on the order the polygons were loaded in.
 */
public final class Boundaries {
    /** How far (in degrees, about 5 km) a point given as lat/lon may lie from every polygon and still be placed. */
    public static final double SNAP_DEGREES = 0.05;

    private final Map<String, Geometry> byCode;
    private final STRtree tree = new STRtree();

    private record Entry(String code, PreparedGeometry geometry) { }

    public Boundaries(Map<String, Geometry> byCode) {
        this.byCode = Map.copyOf(new LinkedHashMap<>(byCode));
        byCode.forEach((code, g) -> tree.insert(g.getEnvelopeInternal(), new Entry(code, PreparedGeometryFactory.prepare(g))));
        tree.build();
    }

    public boolean isEmpty() { return byCode.isEmpty(); }

    public int size() { return byCode.size(); }

    public Optional<Geometry> boundary(String code) { return Optional.ofNullable(byCode.get(code)); }

    public Map<String, Geometry> all() { return byCode; }

    /** The polygon that holds the point, else the nearest one within {@link #SNAP_DEGREES}. */
    public Optional<String> authorityAt(GeoPoint p) {
        return authorityAt(p, SNAP_DEGREES);
    }

    /** The polygon that holds the point, else the nearest one within {@code maxSnapDegrees} (any distance when infinite). */
    public Optional<String> authorityAt(GeoPoint p, double maxSnapDegrees) {
        if (byCode.isEmpty()) return Optional.empty();
        Point pt = Wkt.point(p);
        String best = null;
        @SuppressWarnings("unchecked")
        List<Entry> hits = tree.query(pt.getEnvelopeInternal());
        for (Entry e : hits)
            if ((best == null || e.code().compareTo(best) < 0) && e.geometry().covers(pt)) best = e.code();
        if (best != null) return Optional.of(best);
        Entry probe = new Entry(null, PreparedGeometryFactory.prepare(pt));
        Entry nearest = (Entry) tree.nearestNeighbour(pt.getEnvelopeInternal(), probe, Boundaries::distance);
        return distance(nearest, probe) <= maxSnapDegrees ? Optional.of(nearest.code()) : Optional.empty();
    }

    private static double distance(ItemBoundable a, ItemBoundable b) {
        return distance((Entry) a.getItem(), (Entry) b.getItem());
    }

    private static double distance(Entry a, Entry b) {
        return a.geometry().getGeometry().distance(b.geometry().getGeometry());
    }

    public boolean contains(String code, GeoPoint p) {
        Geometry g = byCode.get(code);
        return g != null && g.covers(Wkt.point(p));
    }
}
