package uk.localoffer.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import uk.localoffer.domain.GeoPoint;

/** Catchment polygons written as WKT (lon lat order). */
public final class Wkt {
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Wkt() { }

    /** Parses a POLYGON or MULTIPOLYGON; throws IllegalArgumentException saying what is wrong. */
    public static Geometry polygonal(String wkt) {
        Geometry g;
        try {
            g = new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException("is not valid WKT: " + e.getMessage());
        }
        if (!(g instanceof Polygonal)) throw new IllegalArgumentException("must be a POLYGON or MULTIPOLYGON, got " + g.getGeometryType());
        if (!g.isValid()) throw new IllegalArgumentException("is not a valid polygon (it crosses itself or is not closed)");
        var env = g.getEnvelopeInternal();
        if (env.getMinX() < -8.7 || env.getMaxX() > 2.0 || env.getMinY() < 49.8 || env.getMaxY() > 61.0)
            throw new IllegalArgumentException("is not inside the United Kingdom (coordinates must be lon lat)");
        return g;
    }

    public static org.locationtech.jts.geom.Point point(GeoPoint p) {
        return FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(p.lon(), p.lat()));
    }
}
