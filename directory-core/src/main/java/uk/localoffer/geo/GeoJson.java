package uk.localoffer.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/** Reads GeoJSON Polygon and MultiPolygon geometries into JTS, and writes them back compactly. */
public final class GeoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJson() { }

    /** A Polygon or MultiPolygon geometry written as GeoJSON text. */
    public static Geometry parse(String json) {
        try {
            return geometry(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not GeoJSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Geometry geometry(JsonNode g) {
        String type = g.path("type").asText();
        JsonNode coords = g.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coords);
            case "MultiPolygon" -> {
                List<Polygon> parts = new ArrayList<>();
                for (JsonNode p : coords) parts.add(polygon(p));
                yield Wkt.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("geometry type " + type + " is not a Polygon or MultiPolygon");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return Wkt.FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) cs[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        return Wkt.FACTORY.createLinearRing(cs);
    }

    /** The geometry as GeoJSON text, each coordinate rounded to {@code decimals} places (7 is about a centimetre). */
    public static String write(Geometry g, int decimals) {
        StringBuilder b = new StringBuilder();
        if (g instanceof Polygon p) {
            b.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(b, p, decimals);
        } else if (g instanceof org.locationtech.jts.geom.MultiPolygon mp) {
            b.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                if (i > 0) b.append(',');
                polygon(b, (Polygon) mp.getGeometryN(i), decimals);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("geometry type " + g.getGeometryType() + " is not a Polygon or MultiPolygon");
        }
        return b.append('}').toString();
    }

    private static void polygon(StringBuilder b, Polygon p, int decimals) {
        b.append('[');
        ring(b, p.getExteriorRing().getCoordinates(), decimals);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            b.append(',');
            ring(b, p.getInteriorRingN(i).getCoordinates(), decimals);
        }
        b.append(']');
    }

    private static void ring(StringBuilder b, Coordinate[] cs, int decimals) {
        b.append('[');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) b.append(',');
            b.append('[').append(number(cs[i].x, decimals)).append(',').append(number(cs[i].y, decimals)).append(']');
        }
        b.append(']');
    }

    private static String number(double v, int decimals) {
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
