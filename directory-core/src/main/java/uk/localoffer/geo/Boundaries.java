package uk.localoffer.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authority boundary polygons, for finding which authority a point lies in. The generalised
 * ONS boundaries are clipped to the coastline, so a point on a beach or pier can fall outside
 * every polygon; it then goes to the nearest polygon within a few kilometres.
 */
public final class Boundaries {
    private static final double SNAP_DEGREES = 0.05;

    private final Map<String, Geometry> byCode;
    private final STRtree tree = new STRtree();

    private record Entry(String code, PreparedGeometry geometry) { }

    public Boundaries(Map<String, Geometry> byCode) {
        this.byCode = Map.copyOf(new LinkedHashMap<>(byCode));
        byCode.forEach((code, g) -> tree.insert(g.getEnvelopeInternal(), new Entry(code, PreparedGeometryFactory.prepare(g))));
        tree.build();
    }

    public boolean isEmpty() { return byCode.isEmpty(); }

    public Optional<Geometry> boundary(String code) { return Optional.ofNullable(byCode.get(code)); }

    public Map<String, Geometry> all() { return byCode; }

    /** The authority whose polygon holds the point, else the nearest one within about 5 km. */
    public Optional<String> authorityAt(GeoPoint p) {
        Point pt = Wkt.FACTORY.createPoint(new Coordinate(p.lon(), p.lat()));
        @SuppressWarnings("unchecked")
        List<Entry> hits = tree.query(pt.getEnvelopeInternal());
        for (Entry e : hits) if (e.geometry().covers(pt)) return Optional.of(e.code());
        var search = pt.getEnvelopeInternal();
        search.expandBy(SNAP_DEGREES);
        @SuppressWarnings("unchecked")
        List<Entry> near = tree.query(search);
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Entry e : near) {
            double d = DistanceOp.distance(e.geometry().getGeometry(), pt);
            if (d < bestDistance) { bestDistance = d; best = e.code(); }
        }
        return bestDistance <= SNAP_DEGREES ? Optional.ofNullable(best) : Optional.empty();
    }

    public boolean contains(String code, GeoPoint p) {
        Geometry g = byCode.get(code);
        return g != null && g.covers(Wkt.FACTORY.createPoint(new Coordinate(p.lon(), p.lat())));
    }
}
